package dev.serviceaccounts.admin;

import dev.serviceaccounts.problem.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** How a console page reports: a facade's refusal becomes a message, or the error page when a page cannot open. */
final class Messages {

    private Messages() {
    }

    /** Runs an action; a refusal (policy, validation, conflict) is shown and nothing else happens. */
    static boolean succeeds(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    static <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException problem) {
            show(problem);
            return null;
        }
    }

    static void show(ProblemException problem) {
        var context = FacesContext.getCurrentInstance();
        if (problem.errors().isEmpty()) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.getMessage(), null));
        }
        problem.errors().forEach(error -> context.addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, label(error.field()) + " " + error.message(), null)));
    }

    static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    /** Post, redirect, get: the page at this path (under the context root) opens next, showing this message. */
    static String redirect(String path, String message) {
        info(message);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return path + (path.contains("?") ? "&" : "?") + "faces-redirect=true";
    }

    /** Runs what opening a page needs; when it is refused, the error page says why (403, 404). */
    static boolean opens(Runnable opening) {
        try {
            opening.run();
            return true;
        } catch (ProblemException problem) {
            sendError(problem);
            return false;
        }
    }

    /** The page cannot open for this caller: the error page says why, with the API's status. */
    static void sendError(ProblemException problem) {
        var context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(problem.status(), problem.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    private static String label(String field) {
        return switch (field) {
            case "identifier" -> "Identifier:";
            case "displayName" -> "Display name:";
            case "description" -> "Description:";
            case "teamId" -> "Team:";
            case "lifetimeDays" -> "Lifetime:";
            case "gracePeriodSeconds" -> "Grace period:";
            default -> field + ":";
        };
    }
}
