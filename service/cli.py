"""``haven serve | keys | feedback | purge | db | policy``: the service's subcommands."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from service.errors import HavenError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _serve_parser(subparsers)
    _keys_parser(subparsers)
    _feedback_parser(subparsers)
    _purge_parser(subparsers)
    _db_parser(subparsers)
    _policy_parser(subparsers)


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Domain and settings errors become one line on stderr and exit code 1, not a traceback."""

    def run(args: argparse.Namespace) -> int:
        from pydantic import ValidationError

        try:
            return handler(args)
        except HavenError as exc:
            print(f"haven: {exc.message}", file=sys.stderr)
            return 1
        except ValidationError as exc:
            print(f"haven: invalid settings: {exc}", file=sys.stderr)
            return 1

    return run


def _settings(**overrides: Any) -> Any:
    from service.settings import Settings

    return Settings(**{k: v for k, v in overrides.items() if v is not None})


def _sessions(settings: Any) -> Any:
    """Open the database, migrating it first where start-up would (SQLite by default)."""
    from service.store import db

    engine = db.make_engine(settings.database_url)
    if settings.should_migrate_on_start:
        db.upgrade(engine)
    return db.make_sessionmaker(engine)


# --------------------------------------------------------------------------- serve


def _serve_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help="run the moderation API",
                       description="Run the API with uvicorn (settings: HAVEN_* variables).")
    p.add_argument("--host", help="bind address (default 127.0.0.1, HAVEN_HOST)")
    p.add_argument("--port", type=int, help="port (default 8000, HAVEN_PORT)")
    p.add_argument("--workers", type=int, help="worker processes (default 1, HAVEN_WORKERS)")
    p.add_argument("--model-dir", help="model directory (default: the shipped model)")
    p.set_defaults(handler=_guarded(_serve))


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from service.logging import configure_logging
    from service.store.repositories import KeyRepository

    if args.model_dir:
        # Worker processes build their own Settings from the environment.
        os.environ["HAVEN_MODEL_DIR"] = args.model_dir
    settings = _settings()
    configure_logging(settings.log_level, settings.log_format)
    with _sessions(settings)() as session:
        if not KeyRepository(session).list():
            print("haven: no API keys yet; create one with "
                  "`haven keys create --role admin --name admin`", file=sys.stderr)
    uvicorn.run(
        "service.app:create_app_from_env", factory=True,
        host=args.host or settings.host, port=args.port or settings.port,
        workers=args.workers or settings.workers, log_config=None, access_log=False,
    )
    return 0


# --------------------------------------------------------------------------- keys


def _keys_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("keys", help="create, list and revoke API keys")
    ks = p.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    create = ks.add_parser("create", help="create a key (the secret is printed once)")
    create.add_argument("--name", required=True, help="who or what uses the key")
    create.add_argument("--role", required=True, choices=["client", "moderator", "admin"])
    create.add_argument("--community", action="append", default=[], dest="communities",
                        help="moderators: a community they may see (repeat; '*' for all)")
    create.add_argument("--webhook-url", help="clients: where decisions are POSTed")
    create.add_argument("--rate-limit", type=int, help="requests per minute (default: setting)")
    create.add_argument("--json", action="store_true", help="print JSON")
    create.set_defaults(handler=_guarded(_keys_create))
    ls = ks.add_parser("list", help="list keys")
    ls.add_argument("--all", action="store_true", help="include revoked keys")
    ls.set_defaults(handler=_guarded(_keys_list))
    revoke = ks.add_parser("revoke", help="revoke a key")
    revoke.add_argument("key_id")
    revoke.set_defaults(handler=_guarded(_keys_revoke))


def _keys_create(args: argparse.Namespace) -> int:
    from service.security import generate_webhook_secret
    from service.store.repositories import KeyRepository

    secret = generate_webhook_secret() if args.webhook_url else None
    with _sessions(_settings())() as session:
        key, token = KeyRepository(session).create(
            name=args.name, role=args.role, communities=args.communities,
            webhook_url=args.webhook_url, webhook_secret=secret,
            rate_limit_per_minute=args.rate_limit, actor="cli",
        )
    if args.json:
        print(json.dumps({"id": key.id, "key": token, "role": key.role,
                          "communities": key.communities, "webhook_secret": secret}))
        return 0
    print(f"id:    {key.id}\nrole:  {key.role}\nkey:   {token}")
    if secret:
        print(f"webhook secret: {secret}")
    print("Store the key now: it is not shown again.", file=sys.stderr)
    return 0


def _keys_list(args: argparse.Namespace) -> int:
    from service.store.repositories import KeyRepository

    with _sessions(_settings())() as session:
        for key in KeyRepository(session).list(include_revoked=args.all):
            state = "revoked" if key.revoked_at else "active"
            communities = ",".join(key.communities or []) or "-"
            print(f"{key.id}\t{key.role}\t{state}\t{communities}\t{key.name}")
    return 0


def _keys_revoke(args: argparse.Namespace) -> int:
    from service.store.repositories import KeyRepository

    with _sessions(_settings())() as session:
        KeyRepository(session).revoke(args.key_id, actor="cli")
    print(f"revoked {args.key_id}")
    return 0


# --------------------------------------------------------------------------- feedback


def _feedback_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("feedback", help="export moderators' decisions as training data")
    fs = p.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    export = fs.add_parser("export", help="write decided items as labelled JSONL")
    export.add_argument("--out", required=True, help="output .jsonl file, or - for stdout")
    export.add_argument("--since", type=_datetime, help="only items decided at/after (ISO 8601)")
    export.add_argument("--community", help="only this community")
    export.set_defaults(handler=_guarded(_feedback_export))


def _datetime(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date/time: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _feedback_export(args: argparse.Namespace) -> int:
    from models.labelled_io import write_labelled
    from service.feedback import examples, jsonl_lines
    from service.store.repositories import ReviewRepository

    with _sessions(_settings())() as session:
        items = ReviewRepository(session).decided_with_text(None, since=args.since,
                                                            community=args.community)
        if args.out == "-":
            lines = list(jsonl_lines(items))
            sys.stdout.writelines(lines)
            count = len(lines)
        else:
            count = write_labelled(examples(items), Path(args.out))
    print(f"exported {count} examples", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------- purge


def _purge_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("purge", help="delete queued post text past the retention period")
    p.add_argument("--dry-run", action="store_true", help="count, change nothing")
    p.add_argument("--text-retention-days", type=int,
                   help="decided items (default HAVEN_TEXT_RETENTION_DAYS)")
    p.add_argument("--open-text-retention-days", type=int,
                   help="undecided items (default HAVEN_OPEN_TEXT_RETENTION_DAYS)")
    p.set_defaults(handler=_guarded(_purge))


def _purge(args: argparse.Namespace) -> int:
    from service.store.models import utcnow
    from service.store.repositories import ReviewRepository

    settings = _settings(text_retention_days=args.text_retention_days,
                         open_text_retention_days=args.open_text_retention_days)
    now = utcnow()
    with _sessions(settings)() as session:
        repo = ReviewRepository(session)
        ids = repo.purge_text(
            decided_before=now - timedelta(days=settings.text_retention_days),
            open_before=now - timedelta(days=settings.open_text_retention_days),
            actor="cli", now=now, dry_run=args.dry_run,
        )
        forgotten = 0 if args.dry_run else repo.forget_results(
            before=now - timedelta(hours=settings.idempotency_retention_hours))
    verb = "would purge" if args.dry_run else "purged"
    print(f"{verb} the text of {len(ids)} review items; forgot {forgotten} old results")
    return 0


# --------------------------------------------------------------------------- db


def _db_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("db", help="database migrations")
    ds = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = ds.add_parser("upgrade", help="migrate to the latest schema (or --revision)")
    up.add_argument("--revision", default="head")
    up.set_defaults(handler=_guarded(_db_upgrade))
    down = ds.add_parser("downgrade", help="migrate down to a revision ('base' drops all)")
    down.add_argument("revision")
    down.set_defaults(handler=_guarded(_db_downgrade))
    ds.add_parser("current", help="print the database's revision").set_defaults(
        handler=_guarded(_db_current))


def _db_upgrade(args: argparse.Namespace) -> int:
    from service.store import db

    engine = db.make_engine(_settings().database_url)
    db.upgrade(engine, args.revision)
    print(f"database at revision {db.current_revision(engine)}")
    return 0


def _db_downgrade(args: argparse.Namespace) -> int:
    from service.store import db

    engine = db.make_engine(_settings().database_url)
    db.downgrade(engine, args.revision)
    print(f"database at revision {db.current_revision(engine)}")
    return 0


def _db_current(args: argparse.Namespace) -> int:
    from service.store import db

    engine = db.make_engine(_settings().database_url)
    current, head = db.current_revision(engine), db.head_revision()
    print(f"current: {current or 'empty'}  head: {head}")
    return 0 if current == head else 3


# --------------------------------------------------------------------------- policy


def _policy_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("policy", help="validate policy files")
    ps = p.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    validate = ps.add_parser("validate", help="check policy files or folders")
    validate.add_argument("paths", nargs="*", type=Path,
                          help="files or folders (default: HAVEN_POLICY_DIR)")
    validate.set_defaults(handler=_guarded(_policy_validate))
    show = ps.add_parser("show", help="print the policy that applies to a community")
    show.add_argument("community")
    show.set_defaults(handler=_guarded(_policy_show))


def _policy_validate(args: argparse.Namespace) -> int:
    from service.errors import PolicyError
    from service.policy import load_policy_dir, load_policy_file

    paths: Sequence[Path] = args.paths or [_settings().policy_dir]
    failed = False
    for path in paths:
        try:
            loaded = load_policy_dir(path) if path.is_dir() else {
                "file": load_policy_file(path)}
        except PolicyError as exc:
            failed = True
            errors = (exc.details or {}).get("errors") if isinstance(exc.details, dict) else None
            for line in (errors if isinstance(errors, list) and errors
                         and isinstance(errors[0], str) else [exc.message]):
                print(f"invalid: {line}", file=sys.stderr)
            continue
        for policy in loaded.values():
            print(f"ok: {policy.path} (community {policy.community}, {policy.name} "
                  f"v{policy.version})")
    return 1 if failed else 0


def _policy_show(args: argparse.Namespace) -> int:
    from service.policy import PolicyStore

    policy = PolicyStore(_settings().policy_dir).for_community(args.community)
    print(json.dumps({"community": policy.community, "file": str(policy.path),
                      **policy.spec.model_dump()}, indent=2))
    return 0
