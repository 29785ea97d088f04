"""Break each critical rule on purpose, one at a time, and check that its tests notice.

Usage: .venv/bin/python scripts/mutants.py [--list] [--no-baseline] [-v] [WORD ...]   (or `make mutants`)

The repository's files (`git ls-files`: tracked and new, not ignored) are copied to a temporary
directory, with `.venv` linked to this one. First the guarding tests of every rule run once on the
unchanged copy (the baseline: they must pass, or a "killed" below would mean nothing). Then, for each
rule, one mutation (an exact piece of code replaced by a broken one) is applied to the copy, only the
tests that guard that rule are run (SQLite, a fresh test database), and the file is put back:

    killed     3.2 s  credits never overdraw
    survived   2.9 s  ...                      <- the tests did not notice: a gap to close

and then a total. The exit status is non-zero if any mutant survived, if a mutation no longer applies
to the code (the piece it replaces is gone or no longer unique: update MUTANTS with the code), or if
the tests could not run. WORD runs only the rules whose text contains it (e.g. `clerk`).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class Mutant:
    rule: str
    path: str
    edits: tuple[tuple[str, str], ...]  # (exact code, what replaces it); each piece must occur once
    tests: tuple[str, ...]  # pytest node ids


def mutant(rule: str, path: str, old: str, new: str, *tests: str, also: tuple[tuple[str, str], ...] = ()) -> Mutant:
    return Mutant(rule, path, ((old, new), *also), tests)


CREDITS = "credits/tests/test_services.py"
GEN_API = "designs/tests/test_api.py"
AUTH = "accounts/tests/test_auth.py"
ACCOUNTS = "accounts/tests/test_services.py"
COLOURS = "designs/tests/test_engine_colors.py"

MUTANTS = [
    # --- issue 15: the gaps that were closed ----------------------------------------------------------------
    mutant(
        "an expired (refunded) generation is never marked succeeded",
        "designs/services/generation.py",
        "        if locked.status != Generation.Status.PENDING:  # expired meanwhile: its credits were returned\n"
        "            raise _failure(locked)\n",
        "",
        f"{GEN_API}::test_a_generation_expired_while_the_provider_reads_fails_when_the_answer_comes",
    ),
    mutant(
        "an unexpected failure after the charge refunds and records it (not swallowed)",
        "designs/services/generation.py",
        '        _generation_fail(generation, detail=f"{type(exc).__name__}: {exc}", status=500, started=started)\n',
        "",
        f"{GEN_API}::test_an_unexpected_failure_after_the_charge_answers_500_and_returns_the_credits",
    ),
    mutant(
        "just-in-time provisioning falls back to the token's claims when Clerk is down",
        "accounts/services.py",
        "            except ProviderUnavailable:  # Clerk being down",
        "            except NotFound:  # Clerk being down",
        f"{AUTH}::test_provisioning_falls_back_to_the_token_claims_when_clerk_is_down",
    ),
    mutant(
        "a Clerk profile exactly as new as the stored copy applies",
        "accounts/services.py",
        "profile.updated_at < user.clerk_updated_at",
        "profile.updated_at <= user.clerk_updated_at",
        f"{ACCOUNTS}::test_a_profile_exactly_as_new_as_the_stored_copy_applies",
    ),
    mutant(
        "a Clerk profile without updated_at never overwrites a timestamped copy",
        "accounts/services.py",
        "return profile.updated_at is None or profile.updated_at < user.clerk_updated_at",
        "return profile.updated_at is not None and profile.updated_at < user.clerk_updated_at",
        f"{ACCOUNTS}::test_a_profile_without_updated_at_never_overwrites_a_timestamped_copy",
    ),
    mutant(
        "a balance and its ledger entry are written together or not at all",
        "credits/services.py",
        "    with transaction.atomic():\n"
        "        account = CreditAccount.objects.select_for_update().filter(user_id=entry.account_id).first()\n",
        "    if True:\n"
        "        account = CreditAccount.objects.select_for_update().filter(user_id=entry.account_id).first()\n",
        f"{CREDITS}::test_a_change_whose_ledger_entry_is_refused_leaves_the_balance_unchanged",
    ),
    mutant(
        "a refund returns the spend in full",
        "credits/services.py",
        "        amount=-spend.amount,\n",
        "        amount=spend.amount,\n",
        f"{CREDITS}::test_refund_returns_a_spend_once",
    ),
    mutant(
        "cookie-authenticated unsafe API requests need a CSRF token",
        "accounts/authentication.py",
        "            self.enforce_csrf(request)\n",
        "            pass\n",
        f"{AUTH}::test_cookie_authenticated_unsafe_api_requests_need_csrf",
    ),
    mutant(
        "a session token for another authorized party is refused",
        "accounts/clerk.py",
        '"authorized_parties": settings.CLERK_AUTHORIZED_PARTIES or None,',
        '"authorized_parties": None,',
        f"{AUTH}::test_authorized_parties_are_enforced",
    ),
    mutant(
        "development sign-in is off unless switched on (and DEBUG)",
        "accounts/views.py",
        "    return settings.DEV_SIGN_IN and settings.DEBUG\n",
        "    return settings.DEBUG\n",
        f"{AUTH}::test_dev_sign_in_is_off_when_disabled",
    ),
    mutant(
        "staff cannot change or delete what the system records (inbox, ledger)",
        "designforge/admin.py",
        "    def has_delete_permission(self, request, obj=None):\n        return False\n",
        "    def has_delete_permission(self, request, obj=None):\n        return True\n",
        "designforge/tests/test_inbox.py::test_inbox_admin_is_read_only",
    ),
    mutant(
        "an incomplete subscription does not block a new checkout",
        "billing/selectors.py",
        'ENTITLED_STATUSES = ("active", "trialing", "past_due")',
        'ENTITLED_STATUSES = ("active", "trialing", "past_due", "incomplete")',
        "billing/tests/test_api.py::test_an_incomplete_subscription_does_not_block_a_new_checkout",
    ),
    mutant(
        "text meets 4.5:1, checked with the WCAG formula written out in the tests",
        "designs/engine/shapes.py",
        "\nTEXT_RATIO = 4.5\n",
        "\nTEXT_RATIO = 4.4\n",
        f"{COLOURS}::test_any_intent_meets_the_whole_contract_and_keeps_its_brand_colours",
        f"{COLOURS}::test_edge_seeds",
    ),
    mutant(
        "contrast is measured with the WCAG formula's own coefficients",
        "designs/engine/color.py",
        "    return 0.2126 * red + 0.7152 * green + 0.0722 * blue\n",
        "    return 0.21264 * red + 0.71517 * green + 0.07219 * blue\n",
        f"{COLOURS}::test_the_engine_measures_contrast_with_the_wcag_formula",
        f"{COLOURS}::test_a_pair_just_under_7_to_1_is_not_counted_as_7",
    ),
    mutant(
        "the brand colour sits at the step of nearest lightness",
        "designs/engine/palette.py",
        "    return min(STEPS, key=lambda step: (abs(target_lightness(step) - lightness), STEPS.index(step)))\n",
        "    return sorted(STEPS, key=lambda step: (abs(target_lightness(step) - lightness), STEPS.index(step)))[1]\n",
        f"{COLOURS}::test_edge_seeds",
        f"{COLOURS}::test_any_intent_meets_the_whole_contract_and_keeps_its_brand_colours",
    ),
    mutant(
        "contrast repair makes every pair pass",
        "designs/engine/repair.py",
        "        fixed[on_subtle] = solve_lightness(fixed[on_subtle], [(fixed[subtle], text)])[0]\n",
        "",
        f"{COLOURS}::test_repair_makes_any_theme_meet_every_contrast_ratio",
    ),
    mutant(
        "the same brief gives the same bytes whatever PYTHONHASHSEED",
        "designs/engine/interpret.py",
        'return random.Random(hashlib.sha256(" ".join(words).encode()).digest())',
        'return random.Random(hash(" ".join(words)))',
        f"{COLOURS}::test_generation_is_byte_identical_across_processes_and_hash_seeds",
    ),
    mutant(
        "the AI is asked for a font pairing from the catalogue only",
        "designs/engine/ai.py",
        '        return {"type": "string", "enum": list(spec.choices), "description": description}\n',
        '        return {"type": "string", "description": description}\n',
        "designs/tests/test_engine.py::test_an_answer_the_schema_refuses_is_refused_by_the_engine_too",
    ),
    # --- critical rules the suite already guarded ---------------------------------------------------------------
    mutant(
        "credits never overdraw",
        "credits/services.py",
        "        if account.balance + entry.amount < 0:\n            raise InsufficientCredits",
        "        if False:\n            raise InsufficientCredits",
        f"{CREDITS}::test_overdraw_raises_402_with_required_and_available_and_changes_nothing",
    ),
    mutant(
        "a spend is charged once per idempotency key",
        "credits/services.py",
        "        existing = None if opened else used.first()\n",
        "        existing = None\n",
        f"{CREDITS}::test_spend_is_idempotent_by_key",
    ),
    mutant(
        "Clerk webhooks are verified with their Svix signature",
        "accounts/webhooks.py",
        "        Webhook(secret).verify(body, dict(headers))\n",
        "        Webhook(secret)\n",
        "accounts/tests/test_webhooks.py::test_bad_signature_is_400_and_writes_nothing",
    ),
    mutant(
        "Stripe webhooks are verified with their Stripe-Signature",
        "billing/webhooks.py",
        'stripe.WebhookSignature.verify_header(body, headers.get("Stripe-Signature"), secret, TOLERANCE_SECONDS)',
        'headers.get("Stripe-Signature")',
        "billing/tests/test_webhooks.py::test_bad_signature_is_400_and_writes_nothing",
    ),
    mutant(
        "exactly one user per Clerk id",
        "accounts/services.py",
        "        existing = User.objects.select_for_update().filter(clerk_id=profile.clerk_id).first()\n",
        "        existing = None\n",
        f"{ACCOUNTS}::test_repeated_upsert_is_one_user_and_one_grant",
        also=(
            (
                "        if User.objects.filter(clerk_id=profile.clerk_id).exists():\n            return None\n",
                "",
            ),
        ),
    ),
    mutant(
        "one monthly grant per paid invoice",
        "billing/services.py",
        '            key=f"stripe:invoice:{invoice_id}",\n',
        '            key=f"stripe:invoice:{invoice_id}:{uuid.uuid4()}",\n',
        "billing/tests/test_webhooks.py::test_invoice_paid_grants_the_monthly_credits_once_per_invoice",
    ),
    mutant(
        "request bodies with unknown fields are refused",
        "designforge/serializers.py",
        "            if unknown:\n",
        "            if False:\n",
        f"{GEN_API}::test_invalid_generation_requests_answer_400_and_charge_nothing",
    ),
    mutant(
        "an Idempotency-Key reused for another request is a conflict",
        "designs/services/generation.py",
        "    if generation.request_hash != digest:\n",
        "    if False:\n",
        f"{GEN_API}::test_idempotency_key_with_a_different_body_answers_409",
    ),
    mutant(
        "a saved design system past the plan's limit is refused",
        "designs/selectors.py",
        "        return self.limit is not None and self.count >= self.limit\n",
        "        return self.limit is not None and self.count > self.limit\n",
        "designs/tests/test_saved_limit.py::TestApi::test_the_10th_design_system_saves_and_the_11th_is_403_with_the_limit",
    ),
    mutant(
        "a private design system is downloaded by its owner only",
        "designs/selectors.py",
        "    visible = Q(is_public=True)\n",
        "    visible = Q()\n",
        "designs/tests/test_api.py::test_private_design_systems_export_only_for_their_owner",
        "designs/tests/test_api.py::test_a_private_registry_item_answers_its_owner_by_session_or_api_key_and_nobody_else",
    ),
    mutant(
        "a private design system's file is never kept by a shared cache",
        "designs/api/design_systems.py",
        "        patch_cache_control(response, private=True, no_cache=True)\n",
        "        patch_cache_control(response, public=True, no_cache=True)\n",
        "designs/tests/test_api.py::test_a_private_design_system_is_kept_only_per_credentials",
    ),
    mutant(
        "a revoked API key stops working at once",
        "accounts/services.py",
        "        .filter(hashed=_digest(secret), revoked_at__isnull=True)\n",
        "        .filter(hashed=_digest(secret))\n",
        "accounts/tests/test_api_keys.py::test_a_revoked_key_stops_working_at_once",
    ),
    mutant(
        "a closed or deactivated account is signed out",
        "accounts/services.py",
        "    return user if user.is_active and not user.is_closed else None\n",
        "    return user\n",
        f"{AUTH}::test_closed_account_is_signed_out",
        f"{AUTH}::test_an_inactive_user_is_signed_out_on_pages_and_api_and_cannot_spend",
    ),
]


def repository_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode()
    return sorted({name for name in listed.split("\0") if name and name != ".venv"})


def copy_repository(target: Path) -> None:
    for name in repository_files():
        source = ROOT / name
        if source.is_symlink() or not source.is_file():  # deleted in the work tree, or a link
            continue
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(source.read_bytes())
    (target / ".venv").symlink_to((ROOT / ".venv").resolve(), target_is_directory=True)


def mutated(text: str, edits) -> str | None:
    """`text` with every edit applied, or None if a piece to replace is not there exactly once."""
    for old, new in edits:
        if text.count(old) != 1:
            return None
        text = text.replace(old, new)
    return text


def run_tests(copy: Path, tests, *, verbose: bool) -> tuple[int, float, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_ADDOPTS")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # no stale bytecode of a mutated file
    command = [str(copy / ".venv/bin/python"), "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "--create-db",
               *tests]
    started = time.monotonic()
    try:
        done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        code, output = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired:
        code, output = -1, f"timed out after {TIMEOUT_SECONDS} s"
    elapsed = time.monotonic() - started
    if verbose:
        print(output)
    return code, elapsed, output


def tail(output: str, lines: int = 25) -> str:
    return "\n".join("    " + line for line in output.strip().splitlines()[-lines:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("words", nargs="*", help="run only the rules whose text contains one of these")
    parser.add_argument("--list", action="store_true", help="list the rules, their mutations and tests, and stop")
    parser.add_argument("--no-baseline", action="store_true", help="skip the run of the tests on unchanged code")
    parser.add_argument("-v", "--verbose", action="store_true", help="print pytest's output of every run")
    args = parser.parse_args()
    chosen = [m for m in MUTANTS if not args.words or any(w.lower() in m.rule.lower() for w in args.words)]
    if args.list:
        for m in chosen:
            print(f"{m.rule}\n  {m.path}: " + "; ".join(f"{old.strip()!r} -> {new.strip()!r}" for old, new in m.edits))
            print("".join(f"  {test}\n" for test in m.tests), end="")
        return 0
    if not chosen:
        print("No rule matches.", file=sys.stderr)
        return 2

    counts = {"killed": 0, "survived": 0, "not applied": 0, "error": 0}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="designforge-mutants-") as tmp:
        copy = Path(tmp)
        copy_repository(copy)
        if not args.no_baseline:
            tests = list(dict.fromkeys(test for m in chosen for test in m.tests))
            code, elapsed, output = run_tests(copy, tests, verbose=args.verbose)
            print(f"{'baseline':<11}{elapsed:6.1f} s  {len(tests)} guarding tests on the unchanged code: "
                  f"{'pass' if code == 0 else 'FAIL'}")
            if code != 0:
                print(tail(output))
                print("The guarding tests must pass on the unchanged code first.")
                return 2
        for m in chosen:
            target = copy / m.path
            original = target.read_text()
            text = mutated(original, m.edits)
            if text is None:
                counts["not applied"] += 1
                print(f"{'NOT APPLIED':<11}{'':8}  {m.rule}: its code changed in {m.path}; update the mutation")
                continue
            target.write_text(text)
            try:
                code, elapsed, output = run_tests(copy, m.tests, verbose=args.verbose)
            finally:
                target.write_text(original)
            outcome = {0: "survived", 1: "killed"}.get(code, "error")
            counts[outcome] += 1
            print(f"{outcome:<11}{elapsed:6.1f} s  {m.rule}", flush=True)
            if outcome == "error":
                print(tail(output))
    total = time.monotonic() - started
    print(
        f"{len(chosen)} mutants: {counts['killed']} killed, {counts['survived']} survived, "
        f"{counts['not applied']} not applied, {counts['error']} errors ({total:.0f} s)"
    )
    return 0 if counts["killed"] == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
