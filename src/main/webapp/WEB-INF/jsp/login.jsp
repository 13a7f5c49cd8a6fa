<%@ include file="header.jspf" %>
<section class="card narrow">
  <h1>Sign in</h1>
  <p class="hint">Administrators only.</p>
  <c:if test="${not empty error}"><p class="error" id="error"><c:out value="${error}"/></p></c:if>
  <form method="post" action="${root}/admin/login">
    <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
    <label>Username <input name="username" id="username" autocomplete="username" required value="<c:out value='${username}'/>"></label>
    <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
    <button type="submit" id="sign-in">Sign in</button>
  </form>
</section>
<%@ include file="footer.jspf" %>
