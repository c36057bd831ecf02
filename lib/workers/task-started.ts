import workerpool from "workerpool";

// Sent by a task once its modules are loaded and its real work begins: a task's deadline is
// counted from here, so a process that is still starting (or loading a parser) under load
// does not eat into the time its input is given.
export const TASK_STARTED = "counterpoint:task-started";

export const signalTaskStarted = () => workerpool.workerEmit(TASK_STARTED);
