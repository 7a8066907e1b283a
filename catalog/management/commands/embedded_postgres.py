from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalog.embedded_postgres.base import server_status, stop_server


class Command(BaseCommand):
    help = "Show or stop the embedded PostgreSQL server that runs when no DATABASE_URL is set."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "stop"])

    def handle(self, *args, action, **options):
        if settings.DATABASE_URL:
            raise CommandError("DATABASE_URL is set: this checkout uses that server, not the embedded one.")
        data_dir = settings.EMBEDDED_DATABASE_DIR
        if action == "stop":
            self.stdout.write("Stopped." if stop_server(data_dir) else "It was not running.")
        else:
            self.stdout.write(server_status(data_dir))
