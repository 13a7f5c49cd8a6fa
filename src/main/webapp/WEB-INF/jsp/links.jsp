<%@ include file="header.jspf" %>
<h1>Share links</h1>
<c:choose>
  <c:when test="${empty links}"><p id="no-links">No live links.</p></c:when>
  <c:otherwise>
    <table id="links">
      <thead><tr><th>Owner</th><th>File</th><th>Made by</th><th>Expires</th><th>Downloads</th><th>Password</th><th>From</th><th>Note</th><th></th></tr></thead>
      <tbody>
      <c:forEach var="l" items="${links}">
        <tr id="link-<c:out value='${l.id()}'/>">
          <td><c:out value="${l.owner()}"/></td>
          <td class="name"><c:out value="${l.file()}"/></td>
          <td><c:out value="${l.createdBy()}"/></td>
          <td><c:out value="${l.expires()}"/></td>
          <td><c:out value="${l.uses()}"/></td>
          <td>${l.hasPassword() ? 'yes' : 'no'}</td>
          <td><c:out value="${l.allowFrom()}"/></td>
          <td><c:out value="${l.note()}"/></td>
          <td>
            <form method="post" action="${root}/admin/links">
              <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
              <input type="hidden" name="id" value="<c:out value='${l.id()}'/>">
              <button type="submit" class="danger revoke">Revoke</button>
            </form>
          </td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<h1>Drops</h1>
<c:choose>
  <c:when test="${empty drops}"><p id="no-drops">No live drops.</p></c:when>
  <c:otherwise>
    <table id="drops">
      <thead><tr><th>Owner</th><th>Made by</th><th>Expires</th><th>Received</th><th>Password</th><th>From</th><th>Note</th><th></th></tr></thead>
      <tbody>
      <c:forEach var="d" items="${drops}">
        <tr id="drop-<c:out value='${d.id()}'/>">
          <td><c:out value="${d.owner()}"/></td>
          <td><c:out value="${d.createdBy()}"/></td>
          <td><c:out value="${d.expires()}"/></td>
          <td><c:out value="${d.received()}"/></td>
          <td>${d.hasPassword() ? 'yes' : 'no'}</td>
          <td><c:out value="${d.allowFrom()}"/></td>
          <td class="note"><c:out value="${d.note()}"/></td>
          <td>
            <form method="post" action="${root}/admin/links">
              <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
              <input type="hidden" name="kind" value="drop">
              <input type="hidden" name="id" value="<c:out value='${d.id()}'/>">
              <button type="submit" class="danger revoke">Revoke</button>
            </form>
          </td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
