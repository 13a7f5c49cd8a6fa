package dev.ft.platform;

import jakarta.servlet.ServletContext;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads every class of the application at start-up. A class is read from its own file the first
 * time it is needed, and if that first time is a moment when the process has no file handle left,
 * the class fails for good, until a restart: an error path such as "storage full" would then answer
 * 500 forever after. Loaded up front, nothing needs a file later.
 */
final class ApplicationClasses {
  private static final Logger LOG = Logger.getLogger(ApplicationClasses.class.getName());
  private static final String ROOT = "/WEB-INF/classes/";

  private ApplicationClasses() {}

  static void loadAll(ServletContext context) {
    ClassLoader loader = ApplicationClasses.class.getClassLoader();
    int[] loaded = {0};
    walk(
        context,
        ROOT,
        path -> {
          String name =
              path.substring(ROOT.length(), path.length() - ".class".length()).replace('/', '.');
          try {
            Class.forName(name, false, loader);
            loaded[0]++;
          } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.WARNING, "Could not load {0} at start-up: {1}", new Object[] {name, e});
          }
        });
    LOG.fine(() -> "Loaded " + loaded[0] + " application classes");
  }

  private static void walk(
      ServletContext context, String folder, java.util.function.Consumer<String> classFile) {
    Set<String> paths = context.getResourcePaths(folder);
    if (paths == null) {
      return;
    }
    for (String path : paths) {
      if (path.endsWith("/")) {
        walk(context, path, classFile);
      } else if (path.endsWith(".class")) {
        classFile.accept(path);
      }
    }
  }
}
