"""The moderator review web UI, served by the API app under ``/ui``.

Server-rendered Jinja2 pages over the same repositories as the JSON review API, with a small
plain-JavaScript layer (keyboard shortcuts, word highlights, lease renewal) and no build step.
``service.ui.routes.mount_ui(app)`` wires it into ``create_app``.
"""
