<%@ include file="header.jspf" %>
<h1>Audit</h1>
<form class="filter" method="get" action="${root}/admin/audit">
  <label>User <input name="user" id="audit-user" value="<c:out value='${user}'/>"></label>
  <button type="submit" id="filter">Filter</button>
  <a class="button" href="${root}/admin/audit">All</a>
</form>
<table id="audit">
  <thead><tr><th>When</th><th>Who</th><th>What</th><th>Owner</th><th>File</th><th>Detail</th></tr></thead>
  <tbody>
  <c:forEach var="e" items="${events}">
    <tr>
      <td><c:out value="${e.at()}"/></td>
      <td><c:out value="${e.actor()}"/></td>
      <td><c:out value="${e.action()}"/></td>
      <td><c:out value="${e.owner()}"/></td>
      <td><c:out value="${e.name()}"/></td>
      <td><c:out value="${e.detail()}"/></td>
    </tr>
  </c:forEach>
  </tbody>
</table>
<%@ include file="footer.jspf" %>
