<%@ include file="header.jspf" %>
<h1>Unfinished uploads</h1>
<c:choose>
  <c:when test="${empty uploads}"><p id="no-uploads">No unfinished uploads.</p></c:when>
  <c:otherwise>
    <table id="uploads">
      <thead><tr><th>Owner</th><th>File</th><th>From</th><th>Sent</th><th>Expires</th></tr></thead>
      <tbody>
      <c:forEach var="u" items="${uploads}">
        <tr>
          <td class="owner"><c:out value="${u.owner()}"/></td>
          <td class="name"><c:out value="${u.name()}"/></td>
          <td class="from"><c:out value="${u.from()}"/></td>
          <td class="sent"><c:out value="${u.sent()}"/></td>
          <td><c:out value="${u.expires()}"/></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
