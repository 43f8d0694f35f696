"""Settings read from the environment, in one place (importing this pulls in nothing heavy)."""

DB_ENV_VAR = "KRONIKA_DB"  # the store's URL when --db is not given
