"""Small helpers shared by the benchmarks (run as scripts: `python bench/<name>.py`)."""

import math
import socket


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of values at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def p50_p95(values: list[float]) -> tuple[float, float]:
    return percentile(values, 0.50), percentile(values, 0.95)


def reset_postgres(url: str) -> None:
    """Drop and create the database named at the end of `url` (trust auth on the local server)."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
