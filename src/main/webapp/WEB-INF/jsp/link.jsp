<%@ include file="link-header.jspf" %>
<section class="card narrow">
  <h1 id="file-name"><c:out value="${link.fileName()}"/></h1>
  <p><span id="file-size"><c:out value="${link.size()}"/></span>, available until <span id="expires"><c:out value="${link.expires()}"/></span>.</p>
  <c:if test="${not empty link.note()}"><p class="hint" id="note"><c:out value="${link.note()}"/></p></c:if>
  <c:if test="${not empty error}"><p class="error" id="error"><c:out value="${error}"/></p></c:if>
  <c:choose>
    <c:when test="${link.hasPassword()}">
      <form method="post" action="<c:out value='${link.downloadPath()}'/>">
        <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
        <label>Password <input name="password" id="password" type="password" autocomplete="off" required></label>
        <button type="submit" id="download">Download</button>
      </form>
    </c:when>
    <c:otherwise>
      <p><a class="button" id="download" href="<c:out value='${link.downloadPath()}'/>">Download</a></p>
    </c:otherwise>
  </c:choose>
</section>
</main>
</body>
</html>
