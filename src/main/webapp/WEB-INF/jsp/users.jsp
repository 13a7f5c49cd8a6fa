<%@ include file="header.jspf" %>
<section class="totals">
  <div><strong id="total-users">${totals.users()}</strong> users</div>
  <div><strong id="total-files">${totals.files()}</strong> files</div>
  <div><strong id="total-bytes"><c:out value="${totals.bytesStored()}"/></strong> stored</div>
  <div><strong id="free-space"><c:out value="${totals.freeSpace()}"/></strong> free</div>
</section>
<h1>Users</h1>
<table id="users">
  <thead><tr><th>User</th><th>Role</th><th class="num">Files</th><th class="num">Stored</th><th>Created</th><th></th></tr></thead>
  <tbody>
  <c:forEach var="u" items="${users}">
    <c:url var="filesUrl" value="/admin/files"><c:param name="user" value="${u.username()}"/></c:url>
    <c:url var="deleteUrl" value="/admin/users/delete"><c:param name="user" value="${u.username()}"/></c:url>
    <tr data-user="<c:out value='${u.username()}'/>">
      <td><a class="files" href="<c:out value='${filesUrl}'/>"><c:out value="${u.username()}"/></a></td>
      <td class="role"><c:out value="${u.role()}"/></td>
      <td class="num">${u.fileCount()}</td>
      <td class="num"><c:out value="${u.bytesUsed()}"/></td>
      <td><c:out value="${u.createdAt()}"/></td>
      <td><div class="actions">
        <form method="post" action="${root}/admin/users/role">
          <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
          <input type="hidden" name="user" value="<c:out value='${u.username()}'/>">
          <input type="hidden" name="role" value="${u.role() == 'admin' ? 'user' : 'admin'}">
          <button type="submit" class="role-change">${u.role() == 'admin' ? 'Make user' : 'Make admin'}</button>
        </form>
        <a class="button danger delete" href="<c:out value='${deleteUrl}'/>">Delete…</a>
      </div></td>
    </tr>
  </c:forEach>
  </tbody>
</table>
<%@ include file="footer.jspf" %>
