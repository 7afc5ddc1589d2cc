package io.github.authschema.testkit.internal.platform;

import io.github.authschema.testkit.AuthErrorCode;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The statements the auth service runs for each flow, one by one, in its order, on a connection that
 * acts as {@code supabase_auth_admin}: supabase/auth at {@link AuthServiceVersion#PINNED}, with the
 * hosted defaults (email and phone confirmations on). Each HTTP call of the service is one
 * transaction; {@link Requests#end()} marks where one ends, so the kit commits there (a trigger that
 * fails at verify leaves the unconfirmed user production leaves) and verify's simulation keeps
 * everything in one transaction it rolls back.
 *
 * <p>Like the service's ORM, every UPDATE is its own statement and sets {@code updated_at}, JSON
 * columns are written whole, and the INSERT is not the final row: {@code role} is '' until the next
 * statement, the metadata is the caller's until the identity's is copied in.
 */
public final class AuthFlows {
    static final UUID NIL_INSTANCE = new UUID(0, 0);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** internal/api/mail.go validateEmail uses checkmail's format check; this is its shape. */
    private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
            + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
    private static final String INSERT_USER = "insert into auth.users (instance_id, id, aud, role, email, encrypted_password, "
            + "email_confirmed_at, invited_at, confirmation_token, confirmation_sent_at, recovery_token, recovery_sent_at, "
            + "email_change_token_new, email_change, email_change_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, "
            + "created_at, updated_at, phone, phone_confirmed_at, phone_change, phone_change_token, phone_change_sent_at, "
            + "email_change_token_current, email_change_confirm_status, banned_until, reauthentication_token, reauthentication_sent_at, "
            + "is_sso_user, deleted_at, is_anonymous) values (?, ?, 'authenticated', '', ?, ?, null, null, '', null, '', null, '', '', null, "
            + "null, ?::jsonb, ?::jsonb, now(), now(), ?, null, '', '', null, '', 0, null, '', null, false, null, ?)";

    private final Connection c;
    private final int bcryptCost;
    private final Requests requests;

    /** Where one HTTP call of the auth service ends. */
    @FunctionalInterface
    public interface Requests {
        void end() throws SQLException;
    }

    /** Every call in one transaction, which the caller rolls back: verify's simulation. */
    public static final Requests ONE_TRANSACTION = () -> {
    };

    public AuthFlows(Connection connection, int bcryptCost, Requests requests) {
        this.c = connection;
        this.bcryptCost = bcryptCost;
        this.requests = requests;
    }

    /**
     * What the service answers when a statement fails, by the statement: internal/api/signup.go,
     * verify.go, user.go, anonymous.go, admin.go and tokens/service.go. Each is HTTP 500 {@code
     * unexpected_failure}; a raw error the handler does not wrap reads as {@link #UNEXPECTED_FAILURE}.
     */
    public enum Step {
        SAVE_NEW_USER("Database error saving new user"),
        UPDATE_USER("Database error updating user"),
        CREATE_IDENTITY("Error creating identity"),
        UNEXPECTED_FAILURE("Unexpected failure, please check server logs for more information"),
        SEND_CONFIRMATION("Error sending confirmation email"),
        CONFIRM_USER("Error confirming user"),
        VERIFY_IDENTITY("Error setting email_verified to true on identity"),
        SEND_EMAIL_CHANGE("Error sending email change email"),
        CONFIRM_EMAIL_CHANGE("Error confirm email"),
        GRANT_USER("Database error granting user"),
        CREATE_ANONYMOUS_USER("Database error creating anonymous user"),
        FIND_USER("Database error finding user"),
        DELETE_USER("Database error deleting user"),
        SOFT_DELETE_USER("Error soft deleting user");

        public final String authMessage;

        Step(String authMessage) {
            this.authMessage = authMessage;
        }
    }

    /** A database error tagged with the step it happened in. */
    public static final class StepFailure extends Exception {
        public final Step step;

        StepFailure(Step step, SQLException cause) {
            super(cause);
            this.step = step;
        }

        public SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    // ---------------------------------------------------------------- email

    /**
     * POST /signup with an email, then the confirmation link (GET /verify type signup): signup.go
     * Signup and signupNewUser, mail.go sendConfirmation, verify.go signupVerify. Two transactions.
     */
    public UUID signUpWithEmail(String email, String password, Map<String, ?> userMetadata) throws StepFailure {
        String address = validateEmail(email);
        if (step(Step.FIND_USER, () -> findBy("email", address)).isPresent()) {
            throw new AuthRejection(AuthErrorCode.USER_ALREADY_EXISTS, "User already registered");
        }
        Map<String, Object> data = userMetadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(userMetadata);
        UUID id = UUID.randomUUID();
        step(Step.SAVE_NEW_USER, () -> insertUser(id, address, null, hash(password), appMetadata("email"), data, false));
        step(Step.UPDATE_USER, () -> setRole(id));
        Map<String, Object> identity = identityData(id, "email", address, false, false);
        data.forEach(identity::putIfAbsent);
        step(Step.CREATE_IDENTITY, () -> insertIdentity(id, "email", identity));
        Map<String, Object> meta = withoutNulls(identity);
        step(Step.UNEXPECTED_FAILURE, () -> {
            setJson(id, "raw_user_meta_data", meta);
            setProviders(id);
            audit(id, "user_confirmation_requested", "user", Map.of("provider", "email"));
        });
        step(Step.SEND_CONFIRMATION, () -> {
            String token = otpHash(address);
            update("update auth.users set confirmation_token = ?, confirmation_sent_at = now(), updated_at = now() where id = ?", token, id);
            oneTimeToken(id, "confirmation_token", token, address);
        });
        endRequest();

        step(Step.UNEXPECTED_FAILURE, () -> audit(id, "user_signedup", "team", Map.of("provider", "email")));
        meta.put("email_verified", true);
        step(Step.CONFIRM_USER, () -> {
            update("update auth.users set confirmation_token = '', email_confirmed_at = now(), updated_at = now() where id = ?", id);
            setJson(id, "raw_user_meta_data", meta);
            update("delete from auth.one_time_tokens where user_id = ?", id);
        });
        identity.put("email_verified", true);
        step(Step.VERIFY_IDENTITY, () -> update("update auth.identities set identity_data = ?::jsonb where user_id = ? and provider = 'email'",
                Json.write(identity), id));
        step(Step.UNEXPECTED_FAILURE, () -> setProviders(id));
        issueSession(id, "otp");
        endRequest();
        return id;
    }

    // ---------------------------------------------------------------- phone

    /**
     * POST /otp with a phone, then POST /verify type sms: otp.go SmsOtp (a new phone signs up through
     * Signup, an existing one gets a new confirmation token), phone.go sendPhoneConfirmation,
     * verify.go smsVerify. Two transactions. Every login sets phone_confirmed_at again.
     */
    public UUID signInWithOtp(String phone) throws StepFailure {
        String digits = PhoneNumbers.normalize(phone);
        Optional<UUID> existing = step(Step.FIND_USER, () -> findBy("phone", digits));
        UUID id = existing.orElseGet(UUID::randomUUID);
        if (existing.isEmpty()) {
            step(Step.SAVE_NEW_USER, () -> insertUser(id, null, digits, hash(randomString(64)), appMetadata("phone"), new LinkedHashMap<>(), false));
            step(Step.UPDATE_USER, () -> setRole(id));
            // Signup builds the claims from subject and email only: the phone identity has no phone key
            Map<String, Object> identity = identityData(id, "phone", null, false, false);
            step(Step.CREATE_IDENTITY, () -> insertIdentity(id, "phone", identity));
            step(Step.UNEXPECTED_FAILURE, () -> {
                setJson(id, "raw_user_meta_data", identity);
                setProviders(id);
                audit(id, "user_confirmation_requested", "user", Map.of("provider", "phone"));
            });
        } else {
            step(Step.UNEXPECTED_FAILURE, () -> audit(id, "user_recovery_requested", "user", Map.of("channel", "sms")));
        }
        step(Step.UNEXPECTED_FAILURE, () -> {
            String token = otpHash(digits);
            update("update auth.users set confirmation_token = ?, confirmation_sent_at = now(), updated_at = now() where id = ?", token, id);
            oneTimeToken(id, "confirmation_token", token, digits);
        });
        endRequest();

        step(Step.UNEXPECTED_FAILURE, () -> audit(id, "user_signedup", "team", Map.of("provider", "phone")));
        step(Step.CONFIRM_USER, () -> {
            update("update auth.users set confirmation_token = '', phone_confirmed_at = now(), updated_at = now() where id = ?", id);
            update("delete from auth.one_time_tokens where user_id = ?", id);
        });
        step(Step.UNEXPECTED_FAILURE, () -> setProviders(id));
        issueSession(id, "otp");
        endRequest();
        return id;
    }

    // ---------------------------------------------------------------- anonymous

    /** POST /signup with neither email nor phone: anonymous.go SignupAnonymously. No identity, no audit. */
    public UUID signInAnonymously(Map<String, ?> userMetadata) throws StepFailure {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = userMetadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(userMetadata);
        // every failure reads as the same words
        step(Step.CREATE_ANONYMOUS_USER, () -> {
            insertUser(id, null, null, "", new LinkedHashMap<>(), data, true);
            setRole(id);
        });
        try {
            issueSession(id, "anonymous");
        } catch (StepFailure e) {
            throw new StepFailure(Step.CREATE_ANONYMOUS_USER, e.sqlException());
        }
        endRequest();
        return id;
    }

    // ---------------------------------------------------------------- linking

    /**
     * PUT /user with a phone, then POST /verify type phone_change: user.go UserUpdate,
     * phone.go sendPhoneConfirmation, verify.go smsVerify. An anonymous user becomes permanent after
     * the phone is set, in its own UPDATE.
     */
    public void linkPhone(UUID id, String phone) throws StepFailure {
        String digits = PhoneNumbers.normalize(phone);
        Optional<UUID> owner = step(Step.FIND_USER, () -> findBy("phone", digits));
        if (owner.isPresent() && !owner.get().equals(id)) {
            throw new AuthRejection(AuthErrorCode.PHONE_EXISTS, "A user with this phone number has already been registered");
        }
        boolean anonymous = step(Step.FIND_USER, () -> isAnonymous(id));
        step(Step.UNEXPECTED_FAILURE, () -> {
            String token = otpHash(digits);
            update("update auth.users set phone_change = ?, phone_change_token = ?, phone_change_sent_at = now(), updated_at = now() "
                    + "where id = ?", digits, token, id);
            oneTimeToken(id, "phone_change_token", token, digits);
            audit(id, "user_modified", "user", Map.of());
        });
        endRequest();

        step(Step.UNEXPECTED_FAILURE, () -> audit(id, "user_modified", "user", Map.of()));
        Map<String, Object> identity = identityData(id, "phone", null, false, true);
        identity.put("phone", digits);
        step(Step.CREATE_IDENTITY, () -> upsertIdentity(id, "phone", identity));
        step(Step.CONFIRM_USER, () -> {
            update("update auth.users set phone = ?, phone_change = '', phone_change_token = '', phone_confirmed_at = now(), "
                    + "updated_at = now() where id = ?", digits, id);
            update("delete from auth.one_time_tokens where user_id = ?", id);
            update("update auth.identities set identity_data = ?::jsonb, updated_at = now() where user_id = ? and provider = 'phone'",
                    Json.write(identity), id);
        });
        if (anonymous) {
            step(Step.UNEXPECTED_FAILURE, () -> update("update auth.users set is_anonymous = false, updated_at = now() where id = ?", id));
        }
        step(Step.UNEXPECTED_FAILURE, () -> setProviders(id));
        issueSession(id, "otp");
        endRequest();
    }

    /**
     * PUT /user with an email, then the email_change link: user.go UserUpdate, mail.go
     * sendEmailChange, verify.go emailChangeVerify. An anonymous user becomes permanent before its
     * email is written: a trigger on that UPDATE still sees a NULL email.
     */
    public void linkEmail(UUID id, String email) throws StepFailure {
        String address = validateEmail(email);
        Optional<UUID> owner = step(Step.FIND_USER, () -> findBy("email", address));
        if (owner.isPresent() && !owner.get().equals(id)) {
            throw new AuthRejection(AuthErrorCode.EMAIL_EXISTS, "A user with this email address has already been registered");
        }
        boolean anonymous = step(Step.FIND_USER, () -> isAnonymous(id));
        step(Step.SEND_EMAIL_CHANGE, () -> {
            String token = otpHash(address);
            update("update auth.users set email_change_token_current = '', email_change_token_new = ?, email_change = ?, "
                    + "email_change_sent_at = now(), email_change_confirm_status = 0, updated_at = now() where id = ?", token, address, id);
            oneTimeToken(id, "email_change_token_new", token, address);
        });
        step(Step.UNEXPECTED_FAILURE, () -> audit(id, "user_modified", "user", Map.of()));
        endRequest();

        step(Step.UNEXPECTED_FAILURE, () -> audit(id, "user_modified", "user", Map.of()));
        Map<String, Object> identity = identityData(id, "email", address, true, false);
        step(Step.CREATE_IDENTITY, () -> upsertIdentity(id, "email", identity));
        if (anonymous) {
            step(Step.UNEXPECTED_FAILURE, () -> update("update auth.users set is_anonymous = false, updated_at = now() where id = ?", id));
        }
        step(Step.CONFIRM_EMAIL_CHANGE, () -> {
            update("update auth.users set email = ?, email_change = '', email_change_token_current = '', email_change_token_new = '', "
                    + "email_change_confirm_status = 0, updated_at = now() where id = ?", address, id);
            update("delete from auth.one_time_tokens where user_id = ?", id);
            if (!emailConfirmed(id)) {
                update("update auth.users set confirmation_token = '', email_confirmed_at = now(), updated_at = now() where id = ?", id);
                update("update auth.users set raw_user_meta_data = raw_user_meta_data || '{\"email_verified\": true}', updated_at = now() "
                        + "where id = ?", id);
                update("delete from auth.one_time_tokens where user_id = ?", id);
            }
            update("update auth.identities set identity_data = ?::jsonb, updated_at = now() where user_id = ? and provider = 'email'",
                    Json.write(identity), id);
        });
        step(Step.UNEXPECTED_FAILURE, () -> setProviders(id));
        issueSession(id, "otp");
        endRequest();
    }

    // ---------------------------------------------------------------- delete

    /** DELETE /admin/users/{id}: admin.go adminUserDelete. The DELETE fires every cascade. */
    public void deleteUser(UUID id) throws StepFailure {
        step(Step.UNEXPECTED_FAILURE, () -> adminAudit(id));
        step(Step.DELETE_USER, () -> update("delete from auth.users where id = ?", id));
        endRequest();
    }

    /**
     * DELETE /admin/users/{id} with should_soft_delete: models/user.go SoftDeleteUser and
     * SoftDeleteUserIdentities. The row stays, so no cascade fires; email and phone become hashes of
     * the user id and the value, NULL and empty values too.
     */
    public void softDeleteUser(UUID id) throws StepFailure {
        step(Step.UNEXPECTED_FAILURE, () -> adminAudit(id));
        if (Boolean.TRUE.equals(step(Step.FIND_USER, () -> one("select deleted_at is not null from auth.users where id = ?", id)))) {
            endRequest();
            return;
        }
        step(Step.SOFT_DELETE_USER, () -> {
            update("update auth.users set email = " + obfuscated("email", 0) + ", phone = " + obfuscated("phone", 15) + ", "
                    + "encrypted_password = null, email_change = " + obfuscated("email_change", 0) + ", "
                    + "phone_change = " + obfuscated("phone_change", 15) + ", confirmation_token = '', recovery_token = '', "
                    + "email_change_token_current = '', email_change_token_new = '', phone_change_token = '', deleted_at = now(), "
                    + "updated_at = now() where id = ?", id);
            update("delete from auth.one_time_tokens where user_id = ?", id);
            update("update auth.users set raw_user_meta_data = '{}', updated_at = now() where id = ?", id);
            update("update auth.users set raw_app_meta_data = '{}', updated_at = now() where id = ?", id);
            update("delete from auth.sessions where user_id = ?", id);
            update("update auth.identities set identity_data = '{}' where user_id = ?", id);
            update("update auth.identities set provider_id = " + hashed("user_id::text || provider || ':' || provider_id")
                    + " where user_id = ?", id);
            update("delete from auth.mfa_factors where user_id = ?", id);
            update("delete from auth.webauthn_credentials where user_id = ?", id);
            update("delete from auth.sessions where user_id = ?", id);
        });
        endRequest();
    }

    /** The service's obfuscation: base64url without padding of SHA-256(user id, then the value), cut to {@code length}. */
    private static String obfuscated(String column, int length) {
        String hash = hashed("id::text || coalesce(" + column + ", '')");
        return length > 0 ? "left(" + hash + ", " + length + ")" : hash;
    }

    private static String hashed(String expression) {
        return "rtrim(translate(encode(extensions.digest(" + expression + ", 'sha256'), 'base64'), '+/', '-_'), '=')";
    }

    // ---------------------------------------------------------------- reading

    public Optional<Map<String, Object>> userRow(UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id, email, phone, is_anonymous, raw_app_meta_data::text, raw_user_meta_data::text from auth.users where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", rs.getObject(1));
                row.put("email", rs.getString(2));
                row.put("phone", rs.getString(3));
                row.put("is_anonymous", rs.getBoolean(4));
                row.put("app_metadata", Json.readObject(rs.getString(5)));
                row.put("user_metadata", Json.readObject(rs.getString(6)));
                return Optional.of(row);
            }
        }
    }

    public Optional<UUID> latestSession(UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from auth.sessions where user_id = ? order by created_at desc limit 1")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of((UUID) rs.getObject(1)) : Optional.empty();
            }
        }
    }

    // ---------------------------------------------------------------- the rows

    private void endRequest() throws StepFailure {
        step(Step.UNEXPECTED_FAILURE, requests::end);
    }

    private void insertUser(UUID id, String email, String phone, String encryptedPassword, Map<String, Object> app,
                            Map<String, Object> meta, boolean anonymous) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_USER)) {
            ps.setObject(1, NIL_INSTANCE);
            ps.setObject(2, id);
            ps.setString(3, email);
            ps.setString(4, encryptedPassword);
            ps.setString(5, Json.write(app));
            ps.setString(6, Json.write(meta));
            ps.setString(7, phone);
            ps.setBoolean(8, anonymous);
            ps.executeUpdate();
        }
    }

    private void setRole(UUID id) throws SQLException {
        update("update auth.users set role = 'authenticated', updated_at = now() where id = ?", id);
    }

    private void setJson(UUID id, String column, Map<String, Object> value) throws SQLException {
        update("update auth.users set " + column + " = ?::jsonb, updated_at = now() where id = ?", Json.write(value), id);
    }

    /** models/user.go UpdateAppMetaDataProviders: provider is the first identity's, providers all, by when they were made. */
    private void setProviders(UUID id) throws SQLException {
        update("update auth.users u set raw_app_meta_data = coalesce(u.raw_app_meta_data, '{}'::jsonb) || p.meta, updated_at = now() "
                + "from (select jsonb_build_object('provider', (array_agg(provider order by created_at))[1], "
                + "'providers', to_jsonb(array_agg(provider order by created_at))) as meta "
                + "from (select provider, min(created_at) as created_at from auth.identities where user_id = ? group by provider) i) p "
                + "where u.id = ? and p.meta ->> 'provider' is not null", id, id);
    }

    private static Map<String, Object> identityData(UUID id, String provider, String email, boolean emailVerified, boolean phoneVerified) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sub", id.toString());
        if (email != null) {
            data.put("email", email);
        }
        data.put("email_verified", emailVerified);
        data.put("phone_verified", phoneVerified);
        return data;
    }

    /** RemoveUnconfirmedIdentities copies the identity's data, leaving out keys whose value is null. */
    private static Map<String, Object> withoutNulls(Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private void insertIdentity(UUID id, String provider, Map<String, Object> data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into auth.identities (id, provider_id, user_id, identity_data, provider, "
                + "last_sign_in_at, created_at, updated_at) values (?, ?, ?, ?::jsonb, ?, now(), clock_timestamp(), clock_timestamp())")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, id.toString());
            ps.setObject(3, id);
            ps.setString(4, Json.write(data));
            ps.setString(5, provider);
            ps.executeUpdate();
        }
    }

    private void upsertIdentity(UUID id, String provider, Map<String, Object> data) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("update auth.identities set identity_data = identity_data || ?::jsonb "
                + "where user_id = ? and provider = ?")) {
            ps.setString(1, Json.write(data));
            ps.setObject(2, id);
            ps.setString(3, provider);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            insertIdentity(id, provider, data);
        }
    }

    /** tokens/service.go IssueRefreshToken: session, refresh token, last sign-in, then the amr claim. */
    private void issueSession(UUID id, String method) throws StepFailure {
        UUID session = UUID.randomUUID();
        step(Step.GRANT_USER, () -> {
            update("insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at) "
                    + "values (?, ?, now(), now(), 'aal1', null)", session, id);
            try (PreparedStatement ps = c.prepareStatement("insert into auth.refresh_tokens (instance_id, token, user_id, revoked, "
                    + "created_at, updated_at, parent, session_id) values (?, ?, ?, false, now(), now(), null, ?)")) {
                ps.setObject(1, NIL_INSTANCE);
                ps.setString(2, randomString(12));
                ps.setString(3, id.toString());
                ps.setObject(4, session);
                ps.executeUpdate();
            }
            update("update auth.users set last_sign_in_at = now(), updated_at = now() where id = ?", id);
        });
        step(Step.UNEXPECTED_FAILURE, () -> update("insert into auth.mfa_amr_claims (session_id, created_at, updated_at, "
                + "authentication_method, id) values (?, now(), now(), ?, ?)", session, method, UUID.randomUUID()));
    }

    private void oneTimeToken(UUID id, String type, String hash, String relatesTo) throws SQLException {
        update("delete from auth.one_time_tokens where user_id = ? and token_type = ?::auth.one_time_token_type", id, type);
        update("insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to) "
                + "values (?, ?, ?::auth.one_time_token_type, ?, ?)", UUID.randomUUID(), id, type, hash, relatesTo.toLowerCase(Locale.ROOT));
    }

    /** models/audit_log_entry.go: the actor is the user; its username is the phone, else the email. */
    private void audit(UUID id, String action, String logType, Map<String, Object> traits) throws SQLException {
        String username = one("select coalesce(nullif(phone, ''), email, '') from auth.users where id = ?", id);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actor_id", id.toString());
        payload.put("actor_via_sso", false);
        payload.put("actor_username", username == null ? "" : username);
        payload.put("action", action);
        payload.put("log_type", logType);
        if (!traits.isEmpty()) {
            payload.put("traits", traits);
        }
        insertAudit(payload);
    }

    /** The admin API's actor is the caller's role, not a user. */
    private void adminAudit(UUID id) throws SQLException {
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("user_id", id.toString());
        traits.put("user_email", one("select coalesce(email, '') from auth.users where id = ?", id));
        traits.put("user_phone", one("select coalesce(phone, '') from auth.users where id = ?", id));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actor_id", NIL_INSTANCE.toString());
        payload.put("actor_via_sso", false);
        payload.put("actor_username", "service_role");
        payload.put("action", "user_deleted");
        payload.put("log_type", "team");
        payload.put("traits", traits);
        insertAudit(payload);
    }

    private void insertAudit(Map<String, Object> payload) throws SQLException {
        update("insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address) values (?, ?, ?::json, now(), '')",
                NIL_INSTANCE, UUID.randomUUID(), Json.write(payload));
    }

    private Optional<UUID> findBy(String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from auth.users where " + column
                + " = ? and aud = 'authenticated' and is_sso_user = false and deleted_at is null")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of((UUID) rs.getObject(1)) : Optional.empty();
            }
        }
    }

    private boolean isAnonymous(UUID id) throws SQLException {
        return Boolean.TRUE.equals(one("select is_anonymous from auth.users where id = ?", id));
    }

    private boolean emailConfirmed(UUID id) throws SQLException {
        return Boolean.TRUE.equals(one("select email_confirmed_at is not null from auth.users where id = ?", id));
    }

    @SuppressWarnings("unchecked")
    private <T> T one(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (T) rs.getObject(1) : null;
            }
        }
    }

    /** internal/api/mail.go validateEmail: no trimming, a format check, then lower case. */
    static String validateEmail(String email) {
        if (email == null || email.isEmpty()) {
            throw new AuthRejection(AuthErrorCode.VALIDATION_FAILED, "An email address is required");
        }
        if (email.length() > 255) {
            throw new AuthRejection(AuthErrorCode.VALIDATION_FAILED, "An email address is too long");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new AuthRejection(AuthErrorCode.VALIDATION_FAILED, "Unable to validate email address: invalid format");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    private String hash(String password) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select extensions.crypt(?, extensions.gen_salt('bf', ?))")) {
            ps.setString(1, password);
            ps.setInt(2, bcryptCost);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The token the service stores: hex SHA-224 of the address and the one-time code it sent. */
    private String otpHash(String subject) throws SQLException {
        String otp = String.format("%06d", RANDOM.nextInt(1_000_000));
        try (PreparedStatement ps = c.prepareStatement("select encode(extensions.digest(? || ?, 'sha224'), 'hex')")) {
            ps.setString(1, subject);
            ps.setString(2, otp);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Map<String, Object> appMetadata(String provider) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("provider", provider);
        List<String> providers = new ArrayList<>();
        providers.add(provider);
        app.put("providers", providers);
        return app;
    }

    private void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String randomString(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlQuery<T> {
        T run() throws SQLException;
    }

    private void step(Step step, SqlAction action) throws StepFailure {
        try {
            action.run();
        } catch (SQLException e) {
            throw new StepFailure(step, e);
        }
    }

    private <T> T step(Step step, SqlQuery<T> query) throws StepFailure {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new StepFailure(step, e);
        }
    }
}
