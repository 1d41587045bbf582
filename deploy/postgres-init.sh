#!/bin/sh
# Run once by the postgres image (docker-entrypoint-initdb.d) when its volume is empty, as the superuser:
# the roles and grants model of src/store/postgres/README.md. The schema itself comes from `store migrate`,
# run as tlhn_owner by the compose file's `migrate` service. Safe to run again: what exists is left alone.
# Needs POSTGRES_USER (set by the image), TLHN_OWNER_PASSWORD and TLHN_APP_PASSWORD.
set -eu
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v owner_password="$TLHN_OWNER_PASSWORD" -v app_password="$TLHN_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE tlhn_owner LOGIN PASSWORD %L', :'owner_password') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tlhn_owner') \gexec
SELECT 'CREATE ROLE tlhn_app NOLOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tlhn_app') \gexec
SELECT format('CREATE ROLE tlhn_assistant LOGIN PASSWORD %L IN ROLE tlhn_app', :'app_password') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tlhn_assistant') \gexec
SELECT 'CREATE DATABASE trolyhopnhat OWNER tlhn_owner' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'trolyhopnhat') \gexec
SQL
