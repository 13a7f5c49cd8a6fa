<%@ include file="header.jspf" %>
<h1>Files of <span id="owner"><c:out value="${user}"/></span></h1>
<c:choose>
  <c:when test="${empty files}"><p class="hint">No files.</p></c:when>
  <c:otherwise>
  <table id="files">
    <thead><tr><th>Name</th><th class="num">Size</th><th>SHA-256</th><th>Visibility</th><th>Created</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="f" items="${files}">
      <tr data-name="<c:out value='${f.name()}'/>">
        <td class="name"><a class="download" href="${root}<c:out value='${f.downloadPath()}'/>"><c:out value="${f.name()}"/></a></td>
        <td class="num"><c:out value="${f.size()}"/></td>
        <td><code title="<c:out value='${f.sha256()}'/>"><c:out value="${f.shortSha256()}"/>…</code></td>
        <td class="visibility"><c:out value="${f.visibility()}"/></td>
        <td><c:out value="${f.createdAt()}"/></td>
        <td><div class="actions">
          <form method="post" action="${root}/admin/files/visibility">
            <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
            <input type="hidden" name="user" value="<c:out value='${user}'/>">
            <input type="hidden" name="name" value="<c:out value='${f.name()}'/>">
            <select name="visibility" aria-label="visibility">
              <c:forEach var="v" items="private,shared,public">
                <option value="${v}" ${v == f.visibility() ? 'selected' : ''}>${v}</option>
              </c:forEach>
            </select>
            <button type="submit" class="set-visibility">Set</button>
          </form>
          <form method="post" action="${root}/admin/files/delete">
            <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
            <input type="hidden" name="user" value="<c:out value='${user}'/>">
            <input type="hidden" name="name" value="<c:out value='${f.name()}'/>">
            <button type="submit" class="danger delete-file">Delete</button>
          </form>
        </div></td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
  </c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
