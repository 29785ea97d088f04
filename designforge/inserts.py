"""`insert_if_absent`: one INSERT ... ON CONFLICT DO NOTHING RETURNING, for a row that racing callers
may create at the same time (a user by Clerk id, a webhook event by its id). The unique constraint
decides who created it, with no savepoint and no error to recover from; the loser learns it in the
same statement.

Django's `bulk_create(ignore_conflicts=True)` does the INSERT but cannot say whether it inserted, and
wraps it in a transaction of its own (BEGIN and COMMIT: three round trips for one row), so this builds
the statement from the model's own fields (PostgreSQL, and SQLite 3.35+).
"""

from django.db import connection, models


def insert_if_absent(obj: models.Model, *, unique: tuple[str, ...] | None) -> bool:
    """INSERT `obj` unless a row with the same values of the `unique` fields (a unique constraint)
    exists; True (and `obj.pk` set) when it was inserted. Any other constraint that refuses the row
    raises IntegrityError as usual. With `unique=None` a row clashing with any unique constraint is
    not inserted: for a row with several unique keys that racing callers may insert at once, where
    PostgreSQL would otherwise raise on whichever key it checks after waiting for the winner. Outside
    a transaction it is one autocommitted statement."""
    meta = obj._meta
    fields = [f for f in meta.concrete_fields if not (f.primary_key and getattr(obj, f.attname) is None)]
    values = [f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields]
    quote = connection.ops.quote_name
    target = "" if unique is None else f"({', '.join(quote(meta.get_field(name).column) for name in unique)})"
    statement = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT {target} DO NOTHING "
        f"RETURNING {quote(meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, values)
        row = cursor.fetchone()
    if row is None:
        return False
    obj.pk = row[0]
    obj._state.adding, obj._state.db = False, connection.alias
    return True
