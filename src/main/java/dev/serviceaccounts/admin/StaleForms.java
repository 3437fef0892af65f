package dev.serviceaccounts.admin;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;

/**
 * A form whose view state is unknown (expired, forged, replayed after sign-out) or a protected
 * page opened from outside the console is the client's mistake, not the server's: it answers 400
 * with the "no longer valid" page, changes nothing, and leaves no stack trace in the log.
 */
public class StaleForms extends ExceptionHandlerFactory {

    static final String PAGE = "/expired.xhtml";

    public StaleForms(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            var events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                if (isStale(thrown)) {
                    events.remove();
                    var context = FacesContext.getCurrentInstance();
                    context.getExternalContext().setResponseStatus(400);
                    context.setViewRoot(context.getApplication().getViewHandler().createView(context, PAGE));
                    context.renderResponse();
                }
            }
            getWrapped().handle();
        }

        private static boolean isStale(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof ViewExpiredException || t instanceof ProtectedViewException) {
                    return true;
                }
            }
            return false;
        }
    }
}
