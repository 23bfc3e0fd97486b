"""ddp_scaling: one epoch of data-parallel training on two gloo CPU processes (one thread each):
``model.fit`` under ``tf.distribute.MirroredStrategy`` (MLP 784-512-10, rmsprop, global batch
128, 16384 samples) against a hand-written ``DistributedDataParallel`` loop of the same model.

The processes start once and train one epoch per repetition (the time includes one round trip
through their pipes).  ``python -m benchmarks.workloads.ddp_scaling`` prints samples/s with
one and two processes for both."""

import atexit
import json
import os
import socket
import subprocess
import sys
import time

DESCRIPTION = "fit() on 2 gloo processes vs torch DDP: MLP 784-512-10, batch 128, 16384 samples"
UNIT = "ms"
TARGET = 1.10
REPEATS = 3
THREADS = None

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_ddp_worker.py")
PROCESSES = 2


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(rank, world, port, impl):
    env = dict(os.environ, OMP_NUM_THREADS="1", TORCHKERAS_DEVICE="cpu", TF_CPP_MIN_LOG_LEVEL="3")
    env["PYTHONPATH"] = _ROOT + os.pathsep + env.get("PYTHONPATH", "")
    for name in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT", "TF_CONFIG"):
        env.pop(name, None)
    if world == 1:
        return env
    if impl == "tensorflow":
        workers = ["127.0.0.1:%d" % _free_port() for _ in range(world)]
        task = {"type": "worker", "index": rank}
        env["TF_CONFIG"] = json.dumps({"cluster": {"worker": workers}, "task": task})
        return env
    env.update(
        RANK=str(rank),
        LOCAL_RANK=str(rank),
        WORLD_SIZE=str(world),
        MASTER_ADDR="127.0.0.1",
        MASTER_PORT=str(port),
    )
    return env


class Replicas:
    """``world`` worker processes of ``impl``; calling the object trains one epoch on all."""

    def __init__(self, impl, smoke, world=PROCESSES, python=sys.executable):
        port = _free_port()
        envs = [_env(rank, world, port, impl) for rank in range(world)]
        if impl == "tensorflow":  # every worker must know every address
            config = json.loads(envs[0]["TF_CONFIG"])
            for rank, env in enumerate(envs):
                config["task"]["index"] = rank
                env["TF_CONFIG"] = json.dumps(config)
        self._processes = [
            subprocess.Popen(
                [python, _WORKER, impl, "1" if smoke else "0"],
                env=env,
                cwd=_ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for env in envs
        ]
        atexit.register(self.close)
        self._expect("ready")

    def _expect(self, word):
        """Reads each worker's answer ``word`` (skipping other lines); returns their tails."""
        tails = []
        for process in self._processes:
            line = process.stdout.readline()
            while line and line.split()[:1] != [word]:
                line = process.stdout.readline()
            if not line:
                raise RuntimeError("a ddp_scaling worker ended (exit code %s)" % process.wait())
            tails.append(line.split()[1:])
        return tails

    def __call__(self):
        for process in self._processes:
            process.stdin.write("epoch\n")
            process.stdin.flush()
        self.cpu_seconds = max(float(tail[0]) for tail in self._expect("done"))

    def close(self):
        """Ends the workers (their standard input closes)."""
        for process in self._processes:
            if process.poll() is None:
                process.stdin.close()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def torch_version(smoke, device):
    return Replicas("torch", smoke)


def tf_version(tf, smoke):
    return Replicas("torchkeras" if tf.__name__ == "torchkeras" else "tensorflow", smoke)


def _samples_per_second(impl, world, epochs=5):
    """Median samples/s of ``epochs`` epochs: by wall time, and by the busiest replica's CPU
    time (steadier on a shared machine)."""
    replicas = Replicas(impl, smoke=False, world=world)
    try:
        walls, cpus = [], []
        for _ in range(epochs):
            start = time.perf_counter()
            replicas()
            walls.append(time.perf_counter() - start)
            cpus.append(replicas.cpu_seconds)
        return tuple(16384 / sorted(t)[len(t) // 2] for t in (walls, cpus))
    finally:
        replicas.close()


def main():
    """Prints samples/s (wall time; CPU time) of torch DDP and torchkeras ``fit`` with 1 and 2
    processes."""
    print("samples/s by wall time (by the busiest process's CPU time)")
    print("%-12s %20s %20s" % ("impl", "1 process", "2 processes"))
    for impl in ("torch", "torchkeras"):
        one, two = (_samples_per_second(impl, world) for world in (1, 2))
        print("%-12s %10.0f (%7.0f) %10.0f (%7.0f)" % (impl, *one, *two))


if __name__ == "__main__":
    main()
