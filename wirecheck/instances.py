"""Instance slots: a stable number per running instance of a stage on this host.

A stage's transactional id is ``{group}.tx.{host}.{slot}``. Instances of one group never share an id,
so they never fence each other (fencing between group members is the group's generation, KIP-447),
and an instance restarted after kill -9 takes its predecessor's free slot, whose
``init_transactions`` aborts the transaction left open at once — with a fresh id each time, that
transaction would hold back every read_committed reader downstream until the broker's timeout.
"""

from __future__ import annotations

import fcntl
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from wirecheck.settings import Settings


@dataclass
class InstanceSlot:
    number: int
    lock: IO[str]

    def transactional_id(self, group: str) -> str:
        return f"{group}.tx.{socket.gethostname()}.{self.number}"

    def release(self) -> None:
        Path(self.lock.name).unlink(missing_ok=True)  # before the unlock: see take_slot
        self.lock.close()


def take_slot(settings: Settings, group: str) -> InstanceSlot:
    """The lowest instance number on this host that no running instance of ``group`` holds.

    Each number is a file lock under ``<home>/instances``, released by the OS when its holder
    exits, however it exits.
    """
    folder = settings.home / "instances"
    folder.mkdir(parents=True, exist_ok=True)
    number = 0
    while True:
        path = folder / f"{group}.{number}.lock"
        lock = open(path, "w")  # noqa: SIM115 — held for the run
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            number += 1
            continue
        if path.exists() and path.stat().st_ino == os.fstat(lock.fileno()).st_ino:
            return InstanceSlot(number, lock)
        lock.close()  # its holder removed the file as we locked it: try the same number again
