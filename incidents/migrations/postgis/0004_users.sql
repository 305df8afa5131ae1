-- Local accounts: a name, a role, an Argon2 password hash and the failed sign-in counter behind the lockout.
CREATE TABLE IF NOT EXISTS users (
    name text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('viewer', 'editor', 'reviewer', 'admin')),
    password_hash text NOT NULL,
    created_at text NOT NULL,
    failed integer NOT NULL DEFAULT 0,
    locked_until double precision NOT NULL DEFAULT 0,
    last_sign_in text
);
