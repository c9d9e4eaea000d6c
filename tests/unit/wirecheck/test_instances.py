"""Instance slots: distinct numbers for running verifiers, the lowest free one for a restart."""

from __future__ import annotations

from pathlib import Path

from services.verify.runner import instance_slot
from wirecheck.settings import Settings


def _release(lock) -> None:
    Path(lock.name).unlink(missing_ok=True)
    lock.close()


def test_running_instances_hold_distinct_slots_and_a_restart_takes_the_freed_one(tmp_path):
    settings = Settings(home=tmp_path)
    first, second = instance_slot(settings, "g"), instance_slot(settings, "g")
    assert (first[0], second[0]) == (0, 1)
    assert instance_slot(settings, "other group")[0] == 0
    first[1].close()  # kill -9: the OS drops the lock, the file stays
    restarted = instance_slot(settings, "g")
    assert restarted[0] == 0
    for lock in (second[1], restarted[1]):
        _release(lock)
    assert instance_slot(settings, "g")[0] == 0
