"""A sentence a person can act on when the database cannot be reached."""
from django.conf import settings


def explain(exc):
    db = settings.DATABASES["default"]
    if settings.DATABASE_URL:
        where = f"the PostgreSQL server named by DATABASE_URL ({db['HOST'] or 'local socket'}:{db['PORT'] or 5432}, database {db['NAME']})"
        advice = "Check that the server is running and the URL is right, or unset DATABASE_URL to use the embedded server."
    else:
        where = f"the embedded PostgreSQL server in {db['DATA_DIR']}"
        advice = "Check its log in that folder; deleting the folder starts afresh (its data is lost)."
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return f"Cannot reach {where}: {reason}\n{advice}"
