"""Run every benchmark script in bench/ one after the other and show what each prints (`make bench`).

A benchmark script is any `bench/*.py` except this runner, the shared `common.py`, the baseline
apps the scripts serve (`baseline*.py`) and private modules (`_*.py`). Each script has `--timeout`
seconds; then it is asked to stop (SIGTERM, so it stops its servers and drops its database), and is
killed 30 s later if it has not. The exit status is 1 if any script failed.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
NOT_BENCHMARKS = {"run_all.py", "common.py"}


def benchmarks() -> list[Path]:
    return [
        script
        for script in sorted(BENCH.glob("*.py"))
        if script.name not in NOT_BENCHMARKS and not script.name.startswith(("_", "baseline"))
    ]


def run(script: Path, timeout: float) -> int:
    process = subprocess.Popen([sys.executable, str(script)], cwd=BENCH.parent)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"{script.name}: still running after {timeout:.0f} s, stopping it", file=sys.stderr)
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return 1
    except KeyboardInterrupt:  # the script got the same Ctrl-C: let it stop its servers and drop its database
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        raise


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed per script (default 600)")
    args = parser.parse_args()
    failed = []
    for script in benchmarks():
        print(f"== bench/{script.name}", flush=True)
        began = time.monotonic()
        status = run(script, args.timeout)
        print(f"   ({time.monotonic() - began:.0f} s, exit status {status})", flush=True)
        if status != 0:
            failed.append(script.name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
