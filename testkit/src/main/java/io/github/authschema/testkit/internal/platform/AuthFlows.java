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

/**
 * The rows the auth service writes for each flow, in its order, on a connection that acts as
 * {@code supabase_auth_admin}. Nothing here commits: the caller owns the transaction, so the plugin
 * can simulate flows and roll them back, and the kit can commit them.
 *
 * <p>Each step is its own statement, like the service's ORM, so triggers see the same intermediate
 * states: an AFTER INSERT trigger on auth.users sees role '' and no identity row yet.
 */
public final class AuthFlows {
    static final UUID NIL_INSTANCE = new UUID(0, 0);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INSERT_USER = "insert into auth.users (instance_id, id, aud, role, email, encrypted_password, "
            + "email_confirmed_at, invited_at, confirmation_token, confirmation_sent_at, recovery_token, recovery_sent_at, "
            + "email_change_token_new, email_change, email_change_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, "
            + "is_super_admin, created_at, updated_at, phone, phone_confirmed_at, phone_change, phone_change_token, phone_change_sent_at, "
            + "email_change_token_current, email_change_confirm_status, banned_until, reauthentication_token, reauthentication_sent_at, "
            + "is_sso_user, deleted_at, is_anonymous) values (?, ?, 'authenticated', '', ?, ?, null, null, '', null, '', null, '', '', null, null, "
            + "?::jsonb, ?::jsonb, null, now(), now(), ?, null, '', '', null, '', 0, null, '', null, false, null, ?)";

    private final Connection c;
    private final int bcryptCost;

    public AuthFlows(Connection connection, int bcryptCost) {
        this.c = connection;
        this.bcryptCost = bcryptCost;
    }

    /** Steps a flow is made of, so a failure can be told apart by the auth service's wording. */
    public enum Step {
        SAVE_NEW_USER("Database error saving new user"),
        CREATE_ANONYMOUS_USER("Database error creating anonymous user"),
        UPDATE_USER("Database error updating user"),
        DELETE_USER("Database error deleting user"),
        FIND_USER("Database error finding user");

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

    /** Email sign-up with autoconfirm, as on a local Supabase: confirmed and signed in. */
    public UUID signUpWithEmail(String email, String password, Map<String, ?> userMetadata) throws StepFailure {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        Map<String, Object> meta = userMetadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(userMetadata);
        UUID id = UUID.randomUUID();
        step(Step.SAVE_NEW_USER, () -> {
            insertUser(id, normalized, null, hash(password), appMetadata("email"), meta, false);
            setRole(id);
            Map<String, Object> identity = new LinkedHashMap<>(meta);
            identity.put("sub", id.toString());
            identity.put("email", normalized);
            identity.put("email_verified", false);
            identity.put("phone_verified", false);
            insertIdentity(id, "email", identity);
            audit(id, "user_signedup", "email");
        });
        step(Step.UPDATE_USER, () -> {
            update("update auth.users set email_confirmed_at = now(), confirmation_token = '', updated_at = now() where id = ?", id);
        });
        issueSession(id, "password");
        return id;
    }

    // ---------------------------------------------------------------- phone

    /** Phone OTP sign-in, sent and verified: get-or-create by the normalised number. */
    public UUID signInWithOtp(String phone) throws StepFailure {
        String digits = PhoneNumbers.normalize(phone);
        Optional<UUID> existing = step(Step.FIND_USER, () -> findBy("phone", digits));
        UUID id;
        String otpHash = step(Step.UPDATE_USER, () -> otpHash(digits));
        if (existing.isPresent()) {
            id = existing.get();
            step(Step.UPDATE_USER, () -> {
                update("update auth.users set recovery_token = ?, recovery_sent_at = now(), updated_at = now() where id = ?", otpHash, id);
                oneTimeToken(id, "recovery_token", otpHash, digits);
            });
            step(Step.UPDATE_USER, () -> {
                update("update auth.users set recovery_token = '', updated_at = now() where id = ?", id);
                update("delete from auth.one_time_tokens where user_id = ?", id);
            });
        } else {
            id = UUID.randomUUID();
            step(Step.SAVE_NEW_USER, () -> {
                insertUser(id, null, digits, hash(randomString(64)), appMetadata("phone"), new LinkedHashMap<>(), false);
                setRole(id);
                Map<String, Object> identity = new LinkedHashMap<>();
                identity.put("sub", id.toString());
                identity.put("email_verified", false);
                identity.put("phone_verified", false);
                insertIdentity(id, "phone", identity);
                audit(id, "user_signedup", "phone");
                update("update auth.users set confirmation_token = ?, confirmation_sent_at = now() where id = ?", otpHash, id);
                oneTimeToken(id, "confirmation_token", otpHash, digits);
            });
            step(Step.UPDATE_USER, () -> {
                update("update auth.users set confirmation_token = '', phone_confirmed_at = now(), updated_at = now() where id = ?", id);
                update("delete from auth.one_time_tokens where user_id = ?", id);
                recomputeProviders(id);
            });
        }
        issueSession(id, "otp");
        return id;
    }

    // ---------------------------------------------------------------- anonymous

    public UUID signInAnonymously(Map<String, ?> userMetadata) throws StepFailure {
        UUID id = UUID.randomUUID();
        Map<String, Object> meta = userMetadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(userMetadata);
        step(Step.CREATE_ANONYMOUS_USER, () -> {
            insertUser(id, null, null, "", new LinkedHashMap<>(), meta, true);
            setRole(id);
        });
        issueSession(id, "anonymous");
        return id;
    }

    // ---------------------------------------------------------------- linking

    /** PUT /user {phone} and its verification: the phone_change path. */
    public void linkPhone(UUID id, String phone) throws StepFailure {
        String digits = PhoneNumbers.normalize(phone);
        Optional<UUID> owner = step(Step.FIND_USER, () -> findBy("phone", digits));
        if (owner.isPresent() && !owner.get().equals(id)) {
            throw new AuthRejection(AuthErrorCode.PHONE_EXISTS, "A user with this phone number has already been registered");
        }
        String tokenHash = step(Step.UPDATE_USER, () -> otpHash(digits));
        step(Step.UPDATE_USER, () -> {
            update("update auth.users set phone_change = ?, phone_change_token = ?, phone_change_sent_at = now(), updated_at = now() where id = ?",
                    digits, tokenHash, id);
            oneTimeToken(id, "phone_change_token", tokenHash, digits);
        });
        step(Step.UPDATE_USER, () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("sub", id.toString());
            data.put("phone", digits);
            data.put("phone_verified", true);
            data.put("email_verified", false);
            upsertIdentity(id, "phone", data);
            update("update auth.users set phone = phone_change, phone_change = '', phone_change_token = '', phone_confirmed_at = now(), "
                    + "is_anonymous = false, updated_at = now() where id = ?", id);
            update("delete from auth.one_time_tokens where user_id = ? and token_type = 'phone_change_token'", id);
            recomputeProviders(id);
        });
    }

    /** PUT /user {email} and its verification: the email_change path. */
    public void linkEmail(UUID id, String email) throws StepFailure {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        Optional<UUID> owner = step(Step.FIND_USER, () -> findBy("email", normalized));
        if (owner.isPresent() && !owner.get().equals(id)) {
            throw new AuthRejection(AuthErrorCode.EMAIL_EXISTS, "A user with this email address has already been registered");
        }
        String tokenHash = step(Step.UPDATE_USER, () -> otpHash(normalized));
        step(Step.UPDATE_USER, () -> {
            update("update auth.users set email_change = ?, email_change_token_new = ?, email_change_sent_at = now(), "
                    + "email_change_token_current = case when email is null then '' else ? end, email_change_confirm_status = 0, "
                    + "updated_at = now() where id = ?", normalized, tokenHash, otpHash(normalized), id);
            oneTimeToken(id, "email_change_token_new", tokenHash, normalized);
        });
        step(Step.UPDATE_USER, () -> {
            update("update auth.users set email = email_change, email_change = '', email_change_token_new = '', "
                    + "email_change_token_current = '', email_change_confirm_status = 0, "
                    + "email_confirmed_at = coalesce(email_confirmed_at, now()), is_anonymous = false, updated_at = now() where id = ?", id);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("sub", id.toString());
            data.put("email", normalized);
            data.put("email_verified", true);
            data.put("phone_verified", false);
            upsertIdentity(id, "email", data);
            update("delete from auth.one_time_tokens where user_id = ? and token_type in ('email_change_token_new', 'email_change_token_current')", id);
            recomputeProviders(id);
        });
    }

    // ---------------------------------------------------------------- delete

    /** The admin API's default: audit entry, then DELETE, which fires every cascade. */
    public void deleteUser(UUID id) throws StepFailure {
        step(Step.DELETE_USER, () -> {
            audit(id, "user_deleted", "admin");
            update("delete from auth.users where id = ?", id);
        });
    }

    /** should_soft_delete: the row stays, obfuscated, so foreign-key cascades never fire. */
    public void softDeleteUser(UUID id) throws StepFailure {
        step(Step.DELETE_USER, () -> {
            audit(id, "user_deleted", "admin");
            update("update auth.users set "
                    + "email = case when email is null then null else " + obfuscated("email", 0) + " end, "
                    + "phone = case when phone is null then null else " + obfuscated("phone", 15) + " end, "
                    + "email_change = case when email_change = '' then '' else " + obfuscated("email_change", 0) + " end, "
                    + "phone_change = case when phone_change = '' then '' else " + obfuscated("phone_change", 15) + " end, "
                    + "encrypted_password = null, confirmation_token = '', recovery_token = '', email_change_token_new = '', "
                    + "email_change_token_current = '', phone_change_token = '', reauthentication_token = '', "
                    + "raw_user_meta_data = '{}', raw_app_meta_data = '{}', deleted_at = now(), updated_at = now() where id = ?", id);
            update("delete from auth.one_time_tokens where user_id = ?", id);
            update("update auth.identities set identity_data = '{}', provider_id = " + obfuscated("provider_id", 0) + " where user_id = ?", id);
            update("delete from auth.mfa_factors where user_id = ?", id);
            update("delete from auth.sessions where user_id = ?", id);
        });
    }

    private static String obfuscated(String column, int length) {
        String hash = "translate(encode(extensions.digest(id::text || " + column + ", 'sha256'), 'base64'), '+/=', '-_')";
        return length > 0 ? "left(" + hash + ", " + length + ")" : hash;
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
        try (PreparedStatement ps = c.prepareStatement("update auth.identities set identity_data = identity_data || ?::jsonb, "
                + "updated_at = now() where user_id = ? and provider = ?")) {
            ps.setString(1, Json.write(data));
            ps.setObject(2, id);
            ps.setString(3, provider);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            insertIdentity(id, provider, data);
        }
    }

    /** provider is the first identity's, providers are all of them in the order they were linked. */
    private void recomputeProviders(UUID id) throws SQLException {
        update("update auth.users u set raw_app_meta_data = coalesce(u.raw_app_meta_data, '{}'::jsonb) || p.meta, updated_at = now() "
                + "from (select jsonb_build_object('provider', (array_agg(provider order by created_at))[1], "
                + "'providers', to_jsonb(array_agg(provider order by created_at))) as meta "
                + "from (select provider, min(created_at) as created_at from auth.identities where user_id = ? group by provider) i) p "
                + "where u.id = ? and p.meta ->> 'provider' is not null", id, id);
    }

    private void issueSession(UUID id, String method) throws StepFailure {
        step(Step.UPDATE_USER, () -> {
            UUID session = UUID.randomUUID();
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
            update("insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id) "
                    + "values (?, now(), now(), ?, ?)", session, method, UUID.randomUUID());
            update("update auth.users set last_sign_in_at = now(), updated_at = now() where id = ?", id);
        });
    }

    private void oneTimeToken(UUID id, String type, String hash, String relatesTo) throws SQLException {
        update("delete from auth.one_time_tokens where user_id = ? and token_type = ?::auth.one_time_token_type", id, type);
        update("insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to) "
                + "values (?, ?, ?::auth.one_time_token_type, ?, ?)", UUID.randomUUID(), id, type, hash, relatesTo);
    }

    private void audit(UUID id, String action, String provider) throws SQLException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", action);
        payload.put("actor_id", id.toString());
        payload.put("log_type", "team");
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("provider", provider);
        payload.put("traits", traits);
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
