export { QUALITY, type QualityParameters } from './parameters.js';
export { linearModelSchema, linearScore, sigmoid, type LinearModel } from './linear-model.js';
export { answerabilityModelSchema, loadQualityModels, modelFileName, qualityModelsSchema, type AnswerabilityModel, type QualityModels } from './models.js';
