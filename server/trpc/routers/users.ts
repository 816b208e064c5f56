import { changeRoleSchema, createUserSchema, listUsersSchema, setUserDisabledSchema } from "@/server/domain/users/schemas";
import { changeUserRole, createUser, listUsers, setUserDisabled } from "@/server/domain/users/service";
import { capabilityProcedure, createTRPCRouter, protectedProcedure } from "../init";

const manage = capabilityProcedure("users.manage");

export const usersRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => ctx.actor),
  list: manage.input(listUsersSchema).query(({ ctx, input }) => listUsers(ctx.domain, input)),
  create: manage.input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx.domain, input)),
  changeRole: manage.input(changeRoleSchema).mutation(({ ctx, input }) => changeUserRole(ctx.domain, input)),
  setDisabled: manage.input(setUserDisabledSchema).mutation(({ ctx, input }) => setUserDisabled(ctx.domain, input)),
});
