package dev.serviceaccounts.member.boundary;

import dev.serviceaccounts.security.OrgRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new member. Passwords of at least 12 characters, as NIST SP 800-63B suggests for admins. */
public record NewMember(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._@-]{2,63}",
                message = "must be 3 to 64 lowercase letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
        String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 254) String email,
        @NotNull @Size(min = 12, max = 256) String password,
        @NotNull OrgRole orgRole) {
}
