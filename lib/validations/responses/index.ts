// Every response shape of the API, registered in `responseSchemas` by importing them.
export * from "./common";
export * from "./account";
export * from "./documents";
export * from "./debate";
export * from "./moderation";
export * from "./exports";
export * from "./mail";
export * from "./notifications";
export * from "./suggestions";
export * from "./map";
