"""Create the database cache's table, so `migrate` alone readies the default shared cache.

The sign-in lockout and the API throttles count in the cache that every worker
shares; unless REDIS_URL or CACHE_URL chooses another, that is the database
cache (`createcachetable` skips tables that exist and caches of other kinds).
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_updated_at_index_for_pool_cache")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
