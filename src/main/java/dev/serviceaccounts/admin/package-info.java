/**
 * The admin console: Faces backing beans. They call the same facades as the REST resources, so
 * the authorization policy, validation and audit trail are the API's; a bean only turns a
 * facade's answer or refusal into a page or a message.
 */
package dev.serviceaccounts.admin;
