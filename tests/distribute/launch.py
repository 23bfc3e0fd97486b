"""Starts replica processes for the distributed tests: 127.0.0.1, a free port, bounded time,
every process ended (by its id) before returning."""

import os
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def torchrun_env(rank, world, port):
    """The variables torchrun sets for one replica."""
    return {
        "RANK": str(rank),
        "LOCAL_RANK": str(rank),
        "WORLD_SIZE": str(world),
        "MASTER_ADDR": "127.0.0.1",
        "MASTER_PORT": str(port),
    }


def start(args, env_extra, cwd=None):
    """One process ``python args...`` with the checkout importable and ``env_extra`` set."""
    env = dict(os.environ)
    for name in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT", "TF_CONFIG"):
        env.pop(name, None)
    env.update(env_extra)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("TORCHKERAS_DEVICE", "cpu")
    env.setdefault("OMP_NUM_THREADS", "1")
    env.setdefault("TORCHKERAS_COLLECTIVE_TIMEOUT", "30")
    return subprocess.Popen(
        [sys.executable, *args],
        env=env,
        cwd=cwd or ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_all(processes, timeout):
    """``[(returncode, output)]`` of every process; any still running after ``timeout`` seconds is
    killed (its return code is then negative)."""
    deadline = time.monotonic() + timeout
    results = []
    for process in processes:
        try:
            output, _ = process.communicate(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        results.append((process.returncode, output))
    return results


def run_replicas(args, world, timeout=90, env_of_rank=None):
    """Runs ``python args...`` as ``world`` replicas (torchrun's variables, or
    ``env_of_rank(rank, world, port)``); returns ``[(returncode, output)]`` by rank."""
    port = free_port()
    env_of_rank = env_of_rank or torchrun_env
    processes = [start(args, env_of_rank(rank, world, port)) for rank in range(world)]
    return wait_all(processes, timeout)
