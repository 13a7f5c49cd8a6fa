<%@ include file="link-header.jspf" %>
<section class="card narrow">
  <h1>Nothing here</h1>
  <p id="gone">This link does not exist, has expired, was revoked or has been used up. Ask whoever sent it for a new one.</p>
</section>
</main>
</body>
</html>
