-- Argo CD health of a KubeRay RayService (ray.io/RayService), from its status as KubeRay 1.3+ writes it
-- (rayservice_controller.go, apis/ray/v1/rayservice_types.go). Argo CD runs this with `obj`, the live
-- object, and shows what it returns; deploy/argocd/argocd-cm.yaml installs it.
--   Degraded:    the Ready condition says ValidationFailed (the operator refuses the spec) or
--                InitializingTimeout, or a Serve application of the active or the pending cluster
--                is DEPLOY_FAILED or UNHEALTHY.
--   Progressing: no status for this generation yet, a pending cluster exists (an upgrade is under
--                way), no active cluster yet, or an application is not RUNNING yet.
--   Healthy:     the active cluster serves: Ready is True and every application RUNNING.
local hs = { status = "Progressing", message = "Waiting for the KubeRay operator" }
local status = obj.status
if status == nil then
  return hs
end

local function condition(kind)
  if status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == kind then
      return c
    end
  end
  return nil
end

local function failedApp(service)
  if service == nil or service.applicationStatuses == nil then
    return nil
  end
  for name, app in pairs(service.applicationStatuses) do
    if app.status == "DEPLOY_FAILED" or app.status == "UNHEALTHY" then
      local detail = app.message or ""
      return "Serve application " .. name .. " is " .. app.status .. " on " .. (service.rayClusterName or "?") .. (detail ~= "" and (": " .. detail) or "")
    end
  end
  return nil
end

local ready = condition("Ready")
if ready ~= nil and (ready.reason == "ValidationFailed" or ready.reason == "InitializingTimeout") then
  return { status = "Degraded", message = ready.reason .. ": " .. (ready.message or "") }
end
local failed = failedApp(status.activeServiceStatus) or failedApp(status.pendingServiceStatus)
if failed ~= nil then
  return { status = "Degraded", message = failed }
end

local generation = obj.metadata and obj.metadata.generation
if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  return { status = "Progressing", message = "The operator has not reconciled generation " .. generation .. " yet" }
end
local pending = status.pendingServiceStatus and status.pendingServiceStatus.rayClusterName
if pending ~= nil and pending ~= "" then
  return { status = "Progressing", message = "Upgrade in progress: the pending cluster " .. pending .. " is being prepared" }
end
local active = status.activeServiceStatus and status.activeServiceStatus.rayClusterName
if active == nil or active == "" then
  return { status = "Progressing", message = "No active cluster yet" }
end
local apps = status.activeServiceStatus.applicationStatuses or {}
for name, app in pairs(apps) do
  if app.status ~= "RUNNING" then
    return { status = "Progressing", message = "Serve application " .. name .. " is " .. (app.status or "unknown") }
  end
end
if ready ~= nil and ready.status ~= "True" then
  return { status = "Progressing", message = "Not ready: " .. (ready.reason or "") }
end
return { status = "Healthy", message = "The active cluster " .. active .. " serves" }
