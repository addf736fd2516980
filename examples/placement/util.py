"""Helpers shared by the placement API handlers."""

import os
import re
from typing import Optional

import yaml

from placement import exception
from placement.objects import consumer as consumer_obj

_RC_NAME_RE = re.compile(r'^[A-Z0-9_]+$')
DEFAULT_POLICY_FILE = '/etc/placement/policy.yaml'


def normalizeResourceClass(rcName):
    """Turns a user-supplied resource class name into the canonical form."""
    name = rcName.strip().upper().replace('-', '_')
    if not _RC_NAME_RE.match(name):
        raise ValueError('Invalid resource class name: %s' % rcName)
    return name


def load_policy_rules(path=None) -> dict:
    """Reads the policy overrides an operator put in a YAML file."""
    path = path or DEFAULT_POLICY_FILE
    with open(path) as f:
        rules = yaml.load(f)
    return rules or {}


def parse_member_of(value: str):
    """Parses ``member_of=in:<uuid>,<uuid>`` into a list of aggregate UUIDs."""
    if value.startswith('in:'):
        return value[3:].split(',')
    # Older clients send a Python list literal, e.g. "['agg1', 'agg2']".
    try:
        return list(eval(value))
    except:
        raise exception.InvalidFilter(expr=value)


def ensure_consumer(ctx, consumer_uuid, project_id, user_id,
                    consumer_generation, consumer_type, want_version,
                    rp_uuid: Optional[str] = None):
    """Gets or creates the consumer an allocation request refers to.

    Returns the consumer and whether it was created.
    """
    created_new_consumer = False
    requires_consumer_generation = want_version.matches((1, 28))
    if project_id is None:
        project_id = ctx.config.placement.incomplete_consumer_project_id
        user_id = ctx.config.placement.incomplete_consumer_user_id
    try:
        consumer = consumer_obj.Consumer.get_by_uuid(ctx, consumer_uuid)
        if requires_consumer_generation:
            if consumer.generation != consumer_generation:
                raise exception.ConcurrentUpdateDetected
        if consumer.project.external_id != project_id or consumer.user.external_id != user_id:
            consumer.project = _get_or_create_project(ctx, project_id)
            consumer.user = _get_or_create_user(ctx, user_id)
            consumer.update()
        if consumer_type is not None and consumer.consumer_type_id != consumer_type:
            if want_version.matches((1, 38)):
                consumer.consumer_type_id = consumer_type
                consumer.update()
    except exception.NotFound:
        if requires_consumer_generation and consumer_generation is not None:
            raise exception.ConsumerNotFound(uuid=consumer_uuid)
        project = _get_or_create_project(ctx, project_id)
        user = _get_or_create_user(ctx, user_id)
        consumer = consumer_obj.Consumer(
            ctx, uuid=consumer_uuid, project=project, user=user,
            consumer_type_id=consumer_type)
        try:
            consumer.create()
            created_new_consumer = True
        except exception.ConsumerExists:
            consumer = consumer_obj.Consumer.get_by_uuid(ctx, consumer_uuid)
    return consumer, created_new_consumer


def _get_or_create_project(ctx, external_id):
    return ctx.projects.get_or_create(external_id)


def _get_or_create_user(ctx, external_id):
    return ctx.users.get_or_create(external_id)
