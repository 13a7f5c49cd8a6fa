<%@ include file="header.jspf" %>
<section class="card narrow">
  <h1 id="problem-title">${pageContext.response.status == 403 ? 'Not allowed' : 'Something is wrong'}</h1>
  <p id="problem"><c:out value="${message}"/></p>
  <p><a href="${root}/admin">Back to the admin page</a></p>
</section>
<%@ include file="footer.jspf" %>
