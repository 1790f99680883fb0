/**
 * Where each flow's reverse model lives: the models runner's own naming (the project's schema
 * config under the job's analytics schema), so `push` reads exactly what `models build` wrote.
 */
import type { JobConfig } from '../config/schema.ts';
import { planProject } from '../models/build.ts';
import { loadProject } from '../models/project.ts';
import { jobVars, targetFor } from '../models/run-models.ts';
import type { FlowDescriptor } from './flow.ts';

export type RelationOf = (model: string) => string;

export function modelRelations(config: JobConfig, projectDir: string): RelationOf {
  const plan = planProject(loadProject(projectDir), targetFor(config), jobVars(config));
  return (model) => plan.renderer.relationOf(model).toString();
}

/** The runner's selector for the reverse models of these flows. */
export function reverseSelectors(flows: readonly FlowDescriptor[]): string[] {
  return flows.map((f) => f.model);
}
