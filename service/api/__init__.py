"""HTTP routes, one module per resource. Handlers stay thin: validate, call a repository or
service, shape the response. Errors are domain exceptions, rendered by ``service.app``."""
