<%@ include file="link-header.jspf" %>
<section class="card narrow">
  <h1>Send files</h1>
  <p>Files you send here go to the person who gave you this link. You will not see anything else
    that is there. This link works until <span id="expires"><c:out value="${drop.expires()}"/></span>.</p>
  <c:if test="${not empty drop.note()}"><p class="hint" id="note"><c:out value="${drop.note()}"/></p></c:if>
  <c:if test="${not empty drop.filesLeft() or not empty drop.bytesLeft()}">
    <p class="hint" id="limits">It takes
      <c:if test="${not empty drop.filesLeft()}"><span id="files-left"><c:out value="${drop.filesLeft()}"/></span> more file(s)</c:if>
      <c:if test="${not empty drop.filesLeft() and not empty drop.bytesLeft()}"> and </c:if>
      <c:if test="${not empty drop.bytesLeft()}"><span id="bytes-left"><c:out value="${drop.bytesLeft()}"/></span> more</c:if>
      at most.</p>
  </c:if>
  <c:if test="${not empty error}"><p class="error" id="error"><c:out value="${error}"/></p></c:if>
  <c:choose>
    <c:when test="${locked}">
      <form method="post" action="<c:out value='${drop.uploadPath()}'/>/unlock">
        <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
        <label>Password <input name="password" id="password" type="password" autocomplete="off" required></label>
        <button type="submit" id="unlock">Continue</button>
      </form>
    </c:when>
    <c:otherwise>
      <form id="drop-form" method="post" enctype="multipart/form-data" action="<c:out value='${drop.uploadPath()}'/>"
            data-tus="<c:out value='${drop.tusPath()}'/>">
        <label>Files <input type="file" name="file" id="files" multiple required></label>
        <button type="submit" id="send">Send</button>
      </form>
      <div id="progress-area" hidden>
        <progress id="progress" max="100" value="0"></progress>
        <p class="hint" id="progress-text"></p>
      </div>
      <p class="error" id="send-error" hidden></p>
      <div id="sent-area" hidden>
        <h2>Received</h2>
        <ul id="sent"></ul>
      </div>
      <script src="${root}/assets/vendor/tus-js-client-4.3.1/tus.min.js" defer></script>
      <script src="${root}/assets/drop.js" defer></script>
    </c:otherwise>
  </c:choose>
</section>
</main>
</body>
</html>
