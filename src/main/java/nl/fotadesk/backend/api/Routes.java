package nl.fotadesk.backend.api;

import nl.fotadesk.backend.http.Router;

/** A group of management API routes (one resource or a few related ones). */
public interface Routes {
    void register(Router router);
}
