<%@ include file="link-header.jspf" %>
<section class="card narrow">
  <h1>Received</h1>
  <ul id="received">
    <c:forEach var="r" items="${received}">
      <li><span class="name"><c:out value="${r.name()}"/></span> (<c:out value="${r.size()}"/>)</li>
    </c:forEach>
  </ul>
  <p><a class="button" id="send-more" href="<c:out value='${again}'/>">Send more</a></p>
</section>
</main>
</body>
</html>
