"""Policies: read them (moderators, admins) and reload them without a restart (admins)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from service.deps import AdminKey, ModeratorKey, Services, SessionRoute
from service.errors import ItemNotFound
from service.policy import Policy
from service.store.repositories import AuditRepository

router = APIRouter(prefix="/v1/policies", tags=["policies"], route_class=SessionRoute)


class PolicyOut(BaseModel):
    community_id: str
    name: str
    version: str
    description: str
    fail_open: bool
    queue_blocked: bool
    unsupported_language: str
    rules: dict[str, dict[str, Any]]


def policy_out(policy: Policy) -> PolicyOut:
    spec = policy.spec
    return PolicyOut(
        community_id=policy.community, name=spec.name, version=spec.version,
        description=spec.description, fail_open=spec.fail_open, queue_blocked=spec.queue_blocked,
        unsupported_language=spec.unsupported_language,
        rules={label: rule.model_dump(exclude_none=True) for label, rule in spec.rules.items()},
    )


@router.get("", response_model=list[PolicyOut], summary="Loaded policies")
def list_policies(principal: ModeratorKey, services: Services) -> list[PolicyOut]:
    policies = services.policies.all()
    return [policy_out(p) for c, p in sorted(policies.items())
            if principal.scope is None or c == "default" or c in principal.scope]


@router.get("/{community_id}", response_model=PolicyOut,
            summary="The policy that applies to a community")
def get_policy(community_id: str, principal: ModeratorKey, services: Services) -> PolicyOut:
    if principal.scope is not None and community_id not in principal.scope:
        raise ItemNotFound(f"no community {community_id!r} in your scope")
    return policy_out(services.policies.for_community(community_id))


@router.post("/reload", response_model=list[PolicyOut],
             summary="Re-read the policy folder (all files valid, or nothing changes)")
def reload_policies(principal: AdminKey, services: Services) -> list[PolicyOut]:
    policies = services.policies.reload()
    with services.sessions() as session:
        AuditRepository(session).append(principal.actor, "policies_reloaded",
                                        details={"policies": {c: p.version for c, p in
                                                              sorted(policies.items())}})
        session.commit()
    return [policy_out(p) for _, p in sorted(policies.items())]
