<%@ include file="header.jspf" %>
<section class="card narrow">
  <h1>Delete <c:out value="${user}"/>?</h1>
  <p>The account and <strong>all of its files</strong> are removed. This cannot be undone.</p>
  <form method="post" action="${root}/admin/users/delete">
    <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
    <input type="hidden" name="user" value="<c:out value='${user}'/>">
    <button type="submit" class="danger" id="confirm-delete">Delete <c:out value="${user}"/></button>
    <a class="button" href="${root}/admin">Cancel</a>
  </form>
</section>
<%@ include file="footer.jspf" %>
