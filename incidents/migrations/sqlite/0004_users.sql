-- Local accounts: a name, a role, an Argon2 password hash and the failed sign-in counter behind the lockout.
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'reviewer', 'admin')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0,
    locked_until REAL NOT NULL DEFAULT 0,
    last_sign_in TEXT
);
