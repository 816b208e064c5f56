import { z } from "zod";
import { createCommercePool, listCommercePools, setCommercePoolArchived, updateCommercePool } from "@/server/domain/network/commerce-pools";
import { organisationKinds } from "@/server/domain/network/kinds";
import {
  createProductFamily,
  listProductFamilies,
  setProductFamilyArchived,
  updateProductFamily,
} from "@/server/domain/network/product-families";
import { createProduct, getProduct, listProducts, setProductArchived, updateProduct } from "@/server/domain/network/products";
import {
  createCommercePoolSchema,
  createProductFamilySchema,
  createProductSchema,
  listCommercePoolsSchema,
  listProductFamiliesSchema,
  listProductsSchema,
  updateCommercePoolSchema,
  updateProductFamilySchema,
  updateProductSchema,
} from "@/server/domain/network/schemas";
import { defineEndpoint } from "../endpoint";
import { archiveDescription, idPath, lifecycle, pageSchema } from "./network-shared";

/* Products and product families. */

const productTag = "Products";

const productSchema = z.object({
  id: z.string().uuid(),
  sku: z.string(),
  name: z.string(),
  familyId: z.string().uuid().nullable(),
  ...lifecycle,
});
const productSummarySchema = productSchema.extend({ familyName: z.string().nullable() });

export const listProductsEndpoint = defineEndpoint({
  method: "get",
  path: "/products",
  scope: "network:read",
  tag: productTag,
  summary: "List products",
  description: "`search` matches SKUs and names; `familyId` lists one family's products.",
  input: listProductsSchema,
  output: pageSchema(productSummarySchema),
  handle: listProducts,
});

export const createProductEndpoint = defineEndpoint({
  method: "post",
  path: "/products",
  scope: "network:write",
  tag: productTag,
  summary: "Create a product",
  input: createProductSchema,
  output: productSchema,
  successStatus: 201,
  handle: createProduct,
});

export const getProductEndpoint = defineEndpoint({
  method: "get",
  path: "/products/{id}",
  scope: "network:read",
  tag: productTag,
  summary: "Get a product",
  input: idPath,
  output: productSummarySchema,
  handle: getProduct,
});

export const updateProductEndpoint = defineEndpoint({
  method: "patch",
  path: "/products/{id}",
  scope: "network:write",
  tag: productTag,
  summary: "Change a product's SKU, name or family",
  input: updateProductSchema,
  output: productSchema,
  handle: updateProduct,
});

export const archiveProductEndpoint = defineEndpoint({
  method: "post",
  path: "/products/{id}/archive",
  scope: "network:write",
  tag: productTag,
  summary: "Archive a product",
  description: archiveDescription,
  input: idPath,
  output: productSchema,
  handle: (ctx, input) => setProductArchived(ctx, input, true),
});

const familySchema = z.object({ id: z.string().uuid(), name: z.string(), ...lifecycle });

export const listProductFamiliesEndpoint = defineEndpoint({
  method: "get",
  path: "/product-families",
  scope: "network:read",
  tag: productTag,
  summary: "List product families",
  input: listProductFamiliesSchema,
  output: pageSchema(familySchema.extend({ productCount: z.number().int() })),
  handle: listProductFamilies,
});

export const createProductFamilyEndpoint = defineEndpoint({
  method: "post",
  path: "/product-families",
  scope: "network:write",
  tag: productTag,
  summary: "Create a product family",
  input: createProductFamilySchema,
  output: familySchema,
  successStatus: 201,
  handle: createProductFamily,
});

export const updateProductFamilyEndpoint = defineEndpoint({
  method: "patch",
  path: "/product-families/{id}",
  scope: "network:write",
  tag: productTag,
  summary: "Rename a product family",
  input: updateProductFamilySchema,
  output: familySchema,
  handle: updateProductFamily,
});

export const archiveProductFamilyEndpoint = defineEndpoint({
  method: "post",
  path: "/product-families/{id}/archive",
  scope: "network:write",
  tag: productTag,
  summary: "Archive a product family",
  description: archiveDescription,
  input: idPath,
  output: familySchema,
  handle: (ctx, input) => setProductFamilyArchived(ctx, input, true),
});

/* Commerce pools. */

const poolTag = "Commerce pools";

const poolSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string().nullable(),
  ...lifecycle,
  organisations: z.array(z.object({ id: z.string().uuid(), name: z.string(), kind: z.enum(organisationKinds), archivedAt: lifecycle.archivedAt })),
  families: z.array(z.object({ id: z.string().uuid(), name: z.string(), archivedAt: lifecycle.archivedAt })),
});

export const listCommercePoolsEndpoint = defineEndpoint({
  method: "get",
  path: "/commerce-pools",
  scope: "network:read",
  tag: poolTag,
  summary: "List commerce pools with their members",
  input: listCommercePoolsSchema,
  output: pageSchema(poolSchema),
  handle: listCommercePools,
});

export const createCommercePoolEndpoint = defineEndpoint({
  method: "post",
  path: "/commerce-pools",
  scope: "network:write",
  tag: poolTag,
  summary: "Create a commerce pool",
  description: "Funds credited to the pool are spendable only at its organisations or on its product families; name at least one.",
  input: createCommercePoolSchema,
  output: poolSchema,
  successStatus: 201,
  handle: createCommercePool,
});

export const updateCommercePoolEndpoint = defineEndpoint({
  method: "patch",
  path: "/commerce-pools/{id}",
  scope: "network:write",
  tag: poolTag,
  summary: "Change a commerce pool",
  description: "A given `organisationIds` or `familyIds` list replaces the current members.",
  input: updateCommercePoolSchema,
  output: poolSchema,
  handle: updateCommercePool,
});

export const archiveCommercePoolEndpoint = defineEndpoint({
  method: "post",
  path: "/commerce-pools/{id}/archive",
  scope: "network:write",
  tag: poolTag,
  summary: "Archive a commerce pool",
  description: archiveDescription,
  input: idPath,
  output: poolSchema,
  handle: (ctx, input) => setCommercePoolArchived(ctx, input, true),
});

export const catalogueEndpoints = [
  listProductsEndpoint,
  createProductEndpoint,
  getProductEndpoint,
  updateProductEndpoint,
  archiveProductEndpoint,
  listProductFamiliesEndpoint,
  createProductFamilyEndpoint,
  updateProductFamilyEndpoint,
  archiveProductFamilyEndpoint,
  listCommercePoolsEndpoint,
  createCommercePoolEndpoint,
  updateCommercePoolEndpoint,
  archiveCommercePoolEndpoint,
];
