"""Instance slots: distinct numbers for running instances, the lowest free one for a restart."""

from __future__ import annotations

import socket

from wirecheck.instances import take_slot
from wirecheck.settings import Settings


def test_running_instances_hold_distinct_slots_and_a_restart_takes_the_freed_one(tmp_path):
    settings = Settings(home=tmp_path)
    first, second = take_slot(settings, "g"), take_slot(settings, "g")
    assert (first.number, second.number) == (0, 1)
    assert take_slot(settings, "other group").number == 0
    first.lock.close()  # kill -9: the OS drops the lock, the file stays
    restarted = take_slot(settings, "g")
    assert restarted.number == 0
    second.release()
    restarted.release()
    assert take_slot(settings, "g").number == 0


def test_the_transactional_id_names_group_host_and_slot(tmp_path):
    settings = Settings(home=tmp_path)
    first, second = take_slot(settings, "wirecheck.claims"), take_slot(settings, "wirecheck.claims")
    host = socket.gethostname()
    assert first.transactional_id("wirecheck.claims") == f"wirecheck.claims.tx.{host}.0"
    assert second.transactional_id("wirecheck.claims") == f"wirecheck.claims.tx.{host}.1"
