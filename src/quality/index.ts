export { QUALITY, loadAnswerabilityModel, loadRankingModel, loadLineModel, answerabilityModelSchema, type AnswerabilityModel, type QualityParameters } from './parameters.js';
export { linearModelSchema, linearScore, sigmoid, type LinearModel } from './linear-model.js';
