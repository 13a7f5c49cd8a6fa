package dev.ft.admin.boundary;

import dev.ft.files.control.HumanBytes;
import dev.ft.files.control.ResumableUploads;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Every user's unfinished resumable uploads: who, what, how far, until when. */
@WebServlet("/admin/uploads")
public class AdminUploadsServlet extends HttpServlet {

  @Inject ResumableUploads uploads;

  /** A row of the uploads table. */
  public record UploadRow(String owner, String name, String from, String sent, String expires) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.setAttribute(
        "uploads",
        uploads.allOpen().stream()
            .map(
                u ->
                    new UploadRow(
                        u.owner().username(),
                        u.fileName(),
                        u.createdBy(),
                        HumanBytes.format(u.offset()) + " of " + HumanBytes.format(u.length()),
                        Pages.when(u.expiresAt())))
            .toList());
    Pages.render(request, response, "uploads");
  }
}
