package dev.serviceaccounts.problem;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * Races the application cannot see coming end in the database: a unique constraint or a version
 * check. Flushing inside the facade turns them into a 409 before the transaction commits.
 */
public final class Conflicts {

    private Conflicts() {
    }

    public static void flush(EntityManager em, String detail) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ProblemException.Conflict("Someone else changed this at the same moment; read it again and retry.");
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw new ProblemException.Conflict(detail);
            }
            throw e;
        }
    }

    /** SQLSTATE class 23 is "integrity constraint violation" on every database we support. */
    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
