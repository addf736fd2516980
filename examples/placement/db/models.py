"""SQLAlchemy models for the placement database."""

from oslo_db.sqlalchemy import models
import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.ext.declarative import declarative_base


class _Base(models.ModelBase, models.TimestampMixin):
    pass


BASE = declarative_base(cls=_Base)


class Project(BASE):
    """A Keystone project owning consumers."""

    __tablename__ = 'projects'
    __table_args__ = (
        sa.UniqueConstraint('external_id', name='uniq_projects0external_id'),
    )

    id = sa.Column(sa.Integer, primary_key=True, nullable=False, autoincrement=True)
    external_id = sa.Column(sa.String(255), nullable=False)


class User(BASE):
    """A Keystone user that created consumers."""

    __tablename__ = 'users'
    __table_args__ = (
        sa.UniqueConstraint('external_id', name='uniq_users0external_id'),
    )

    id = sa.Column(sa.Integer, primary_key=True, nullable=False, autoincrement=True)
    external_id = sa.Column(sa.String(255), nullable=False)


class ConsumerType(BASE):
    """A free-form label such as INSTANCE or MIGRATION."""

    __tablename__ = 'consumer_types'
    __table_args__ = (
        sa.UniqueConstraint('name', name='uniq_consumer_types0name'),
    )

    id = sa.Column(sa.Integer, primary_key=True, nullable=False, autoincrement=True)
    name = sa.Column(sa.Unicode(255), nullable=False)


class Consumer(BASE):
    __tablename__ = 'consumers'
    __table_args__ = (
        sa.Index('consumers_project_id_uuid_idx', 'project_id', 'uuid'),
        sa.Index('consumers_project_id_user_id_uuid_idx', 'project_id', 'user_id', 'uuid'),
        sa.UniqueConstraint('uuid', name='uniq_consumers0uuid'),
    )

    id = sa.Column(sa.Integer, primary_key=True, nullable=False, autoincrement=True)
    uuid = sa.Column(sa.String(36), nullable=False)
    project_id = sa.Column(sa.Integer, nullable=False)
    user_id = sa.Column(sa.Integer, nullable=False)
    generation = sa.Column(sa.Integer, nullable=False, server_default=sa.text('0'), default=0)
    consumer_type_id = sa.Column(sa.Integer, sa.ForeignKey('consumer_types.id'), nullable=True)

    project = orm.relationship(Project, lazy='joined')
    consumer_type = orm.relationship(ConsumerType, lazy='joined')


class ResourceProvider(BASE):
    """A compute node, a shared storage pool or any other source of resources."""

    __tablename__ = 'resource_providers'
    __table_args__ = (
        sa.UniqueConstraint('uuid', name='uniq_resource_providers0uuid'),
        sa.UniqueConstraint('name', name='uniq_resource_providers0name'),
    )

    id = sa.Column(sa.Integer, primary_key=True, nullable=False, autoincrement=True)
    uuid = sa.Column(sa.String(36), nullable=False)
    name = sa.Column(sa.Unicode(200), nullable=True)
    generation = sa.Column(sa.Integer, default=0)
    root_provider_id = sa.Column(sa.Integer, sa.ForeignKey('resource_providers.id'))
    parent_provider_id = sa.Column(sa.Integer, sa.ForeignKey('resource_providers.id'))


class Allocation(BASE):
    """An amount of one resource class a consumer takes from a provider."""

    __tablename__ = 'allocations'
    __table_args__ = (
        sa.Index('allocations_resource_provider_class_used_idx',
                 'resource_provider_id', 'resource_class_id', 'used'),
        sa.Index('allocations_consumer_id_idx', 'consumer_id'),
    )

    id = sa.Column(sa.Integer, primary_key=True, nullable=False, autoincrement=True)
    resource_provider_id = sa.Column(sa.Integer, sa.ForeignKey('resource_providers.id'), nullable=False)
    consumer_id = sa.Column(sa.String(36), nullable=False)
    resource_class_id = sa.Column(sa.Integer, nullable=False)
    used = sa.Column(sa.Integer, nullable=False)
