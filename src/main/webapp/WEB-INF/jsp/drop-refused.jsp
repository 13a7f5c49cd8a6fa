<%@ include file="link-header.jspf" %>
<section class="card narrow">
  <h1>Nothing was stored</h1>
  <p class="error" id="error"><c:out value="${message}"/></p>
  <p><a class="button" id="back" href="<c:out value='${again}'/>">Back</a></p>
</section>
</main>
</body>
</html>
